// A proof that fades in once decoded, over a soft paper-coloured placeholder of its exact
// size (width/height are known), so nothing jumps and nothing pops.
import { useState } from 'react';

interface FadeImageProps {
  src: string;
  width: number;
  height: number;
  eager?: boolean;
  className?: string;
}

export function FadeImage({ src, width, height, eager = false, className }: FadeImageProps) {
  const [loaded, setLoaded] = useState(false);
  return (
    <img
      className={[className, 'fade-image', loaded && 'is-loaded'].filter(Boolean).join(' ')}
      src={src}
      width={width}
      height={height}
      alt=""
      loading={eager ? 'eager' : 'lazy'}
      decoding="async"
      draggable={false}
      // A cached image may be complete before React attaches onLoad.
      ref={(img) => {
        if (img?.complete && img.naturalWidth > 0) setLoaded(true);
      }}
      onLoad={() => setLoaded(true)}
    />
  );
}
