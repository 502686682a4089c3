// Horizontal swipe on the viewer's stage: the photograph follows the finger, and a swipe
// past a threshold (or a quick flick) moves to the neighbour. Vertical moves and pinches are
// left to the browser (touch-action: pan-y pinch-zoom in the CSS).
import { type PointerEvent, useRef, useState } from 'react';

const DISTANCE = 60; // px
const FLICK = 0.45; // px per ms

interface Gesture {
  id: number;
  x: number;
  y: number;
  t: number;
  axis: 'x' | 'y' | null;
}

export function useSwipe(onSwipe: (direction: 1 | -1) => void) {
  const [offset, setOffset] = useState(0);
  const gesture = useRef<Gesture | null>(null);

  const end = (event: PointerEvent<HTMLElement>, commit: boolean) => {
    const g = gesture.current;
    gesture.current = null;
    setOffset(0);
    if (!g || g.id !== event.pointerId || g.axis !== 'x' || !commit) return;
    const dx = event.clientX - g.x;
    const speed = dx / Math.max(1, event.timeStamp - g.t);
    if (dx <= -DISTANCE || speed <= -FLICK) onSwipe(1);
    else if (dx >= DISTANCE || speed >= FLICK) onSwipe(-1);
  };

  const handlers = {
    onPointerDown(event: PointerEvent<HTMLElement>) {
      if (event.pointerType === 'mouse' && event.button !== 0) return;
      if (!event.isPrimary) return;
      gesture.current = { id: event.pointerId, x: event.clientX, y: event.clientY, t: event.timeStamp, axis: null };
    },
    onPointerMove(event: PointerEvent<HTMLElement>) {
      const g = gesture.current;
      if (!g || g.id !== event.pointerId) return;
      const dx = event.clientX - g.x;
      const dy = event.clientY - g.y;
      if (g.axis === null && Math.hypot(dx, dy) > 8) {
        g.axis = Math.abs(dx) > Math.abs(dy) ? 'x' : 'y';
        if (g.axis === 'x') event.currentTarget.setPointerCapture(event.pointerId);
      }
      if (g.axis === 'x') setOffset(dx);
    },
    onPointerUp: (event: PointerEvent<HTMLElement>) => end(event, true),
    onPointerCancel: (event: PointerEvent<HTMLElement>) => end(event, false),
  };

  return { offset, handlers };
}
