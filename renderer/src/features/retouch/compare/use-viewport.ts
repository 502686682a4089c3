// The one zoom/pan state every pane of the comparison shares, kept in step with the pane's
// size (window resizes, switching to side by side halves it) and the image's size (another
// round may have other pixels). The maths is in viewport.ts; this only holds the state.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { fitViewport, type Point, panBy, resizeViewport, type Size, stepZoom, type Viewport, wheelFactor, zoomAt } from './viewport';

export interface ViewportControls {
  viewport: Viewport;
  pane: Size;
  /** Ref callback for the pane whose size all panes share. */
  measure: (element: HTMLElement | null) => void;
  fit: () => void;
  actualSize: (anchor?: Point) => void;
  step: (direction: 1 | -1) => void;
  wheel: (deltaY: number, deltaMode: number, anchor: Point) => void;
  pan: (dx: number, dy: number) => void;
}

const empty: Size = { width: 0, height: 0 };

export function useViewport(image: Size): ViewportControls {
  const [pane, setPane] = useState<Size>(empty);
  const [viewport, setViewport] = useState<Viewport>(() => fitViewport(image, empty));
  // The latest values for the callbacks, so they stay stable (event listeners keep them).
  const latest = useRef({ image, pane, viewport });
  latest.current = { image, pane, viewport };

  const [element, setElement] = useState<HTMLElement | null>(null);
  // The size last measured, read synchronously: several resize callbacks may come before a render.
  const measured = useRef<Size>(empty);
  useLayoutEffect(() => {
    if (!element) return;
    const read = () => {
      const next = { width: element.clientWidth, height: element.clientHeight };
      const previous = measured.current;
      if (next.width === previous.width && next.height === previous.height) return;
      measured.current = next;
      const size = latest.current.image;
      setViewport((v) => resizeViewport(v, size, previous, next));
      setPane(next);
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);

  // Another image size (a round of another pixel size): start again from the whole picture.
  const imageKey = `${image.width}x${image.height}`;
  const shownKey = useRef(imageKey);
  useEffect(() => {
    if (shownKey.current === imageKey) return;
    shownKey.current = imageKey;
    setViewport(fitViewport(latest.current.image, latest.current.pane));
  }, [imageKey]);

  const fit = useCallback(() => setViewport(fitViewport(latest.current.image, latest.current.pane)), []);
  const actualSize = useCallback((anchor?: Point) => {
    const { image: size, pane: box } = latest.current;
    setViewport((v) => zoomAt(v, 1, anchor ?? { x: box.width / 2, y: box.height / 2 }, size, box));
  }, []);
  const step = useCallback((direction: 1 | -1) => {
    setViewport((v) => stepZoom(v, direction, latest.current.image, latest.current.pane));
  }, []);
  const wheel = useCallback((deltaY: number, deltaMode: number, anchor: Point) => {
    const { image: size, pane: box } = latest.current;
    setViewport((v) => zoomAt(v, v.scale * wheelFactor(deltaY, deltaMode), anchor, size, box));
  }, []);
  const pan = useCallback((dx: number, dy: number) => {
    setViewport((v) => panBy(v, dx, dy, latest.current.image, latest.current.pane));
  }, []);

  return { viewport, pane, measure: setElement, fit, actualSize, step, wheel, pan };
}
