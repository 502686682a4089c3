// True while the top bar sits over the cover photograph (white text on the picture); false
// once the photographs scroll under it (dark text on a paper-white bar).
import { type RefObject, useEffect, useState } from 'react';

const BAR_HEIGHT = 64;

export function useOverCover(cover: RefObject<HTMLElement | null>): boolean {
  const [over, setOver] = useState(true);
  useEffect(() => {
    const element = cover.current;
    if (!element) {
      setOver(false);
      return;
    }
    const observer = new IntersectionObserver(([entry]) => setOver(entry?.isIntersecting ?? false), {
      rootMargin: `-${BAR_HEIGHT}px 0px 0px 0px`,
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [cover]);
  return over;
}
