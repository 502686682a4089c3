// The picture's box in a pane: positioned and sized by the shared viewport, so everything
// inside (images, the difference overlay, a markup layer in image pixels) lines up exactly.
// Sized with width/height rather than a CSS scale transform so the browser draws the images
// at their real displayed size (a scaled layer is rasterised once and looks soft at 400 %).
import type { ReactNode } from 'react';
import { ImageSpaceContext } from './image-space';
import type { Size, Viewport } from './viewport';

export function Stage({ box, viewport, children }: { box: Size; viewport: Viewport; children: ReactNode }) {
  return (
    <div
      className="compare-stage"
      data-pixelated={viewport.scale > 1.01 ? 'true' : undefined}
      style={{ left: viewport.x, top: viewport.y, width: box.width * viewport.scale, height: box.height * viewport.scale }}
    >
      {children}
    </div>
  );
}

/** A layer in image coordinates (the markup): gets the image space through context. */
export function StageLayer({ box, viewport, children }: { box: Size; viewport: Viewport; children: ReactNode }) {
  return (
    <ImageSpaceContext.Provider value={{ width: box.width, height: box.height, scale: viewport.scale }}>
      <div className="compare-stage__layer">{children}</div>
    </ImageSpaceContext.Provider>
  );
}
