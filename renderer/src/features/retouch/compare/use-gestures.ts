// Mouse wheel zooms around the cursor and dragging pans, on whichever pane the pointer is
// over (all panes share one viewport, so a pane's own top-left is the origin).
// The wheel listener is added by hand: React's is passive and could not stop the page
// scrolling. Panning uses React's pointer handlers on purpose: a layer over the picture (a
// drawing tool) stops propagation in its own React handler, which must run before this one.
import { type PointerEvent as ReactPointerEvent, useEffect, useMemo, useRef } from 'react';
import type { ViewportControls } from './use-viewport';

/** Elements inside the frame that keep their own pointer handling (the slider's divider, buttons). */
const ownPointer = '[data-rcs="handle-root"], button, input, textarea, select, a';

function paneOrigin(target: EventTarget | null, fallback: HTMLElement) {
  const pane = target instanceof Element ? target.closest('[data-compare-pane]') : null;
  return (pane ?? fallback).getBoundingClientRect();
}

export function useWheelZoom(frame: HTMLElement | null, controls: Pick<ViewportControls, 'wheel' | 'pan'>) {
  const { wheel, pan } = controls;
  useEffect(() => {
    if (!frame) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      // A trackpad's sideways two-finger scroll pans; a pinch (ctrlKey) and the wheel zoom.
      if (!event.ctrlKey && event.deltaMode === 0 && Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        pan(-event.deltaX, -event.deltaY);
        return;
      }
      const origin = paneOrigin(event.target, frame);
      wheel(event.deltaY, event.deltaMode, { x: event.clientX - origin.left, y: event.clientY - origin.top });
    };
    frame.addEventListener('wheel', onWheel, { passive: false });
    return () => frame.removeEventListener('wheel', onWheel);
  }, [frame, wheel, pan]);
}

export function usePanDrag(pan: ViewportControls['pan']) {
  const dragging = useRef<{ id: number; x: number; y: number } | null>(null);
  return useMemo(
    () => ({
      onPointerDown(event: ReactPointerEvent<HTMLElement>) {
        if (event.button !== 0 && event.button !== 1) return;
        if (event.target instanceof Element && event.target.closest(ownPointer)) return;
        dragging.current = { id: event.pointerId, x: event.clientX, y: event.clientY };
        event.currentTarget.setPointerCapture(event.pointerId);
        event.currentTarget.dataset.panning = 'true';
        event.preventDefault(); // no text selection, no image drag-and-drop
      },
      onPointerMove(event: ReactPointerEvent<HTMLElement>) {
        const drag = dragging.current;
        if (!drag || event.pointerId !== drag.id) return;
        pan(event.clientX - drag.x, event.clientY - drag.y);
        dragging.current = { ...drag, x: event.clientX, y: event.clientY };
      },
      onPointerUp(event: ReactPointerEvent<HTMLElement>) {
        if (!dragging.current || event.pointerId !== dragging.current.id) return;
        dragging.current = null;
        delete event.currentTarget.dataset.panning;
      },
    }),
    [pan],
  );
}
