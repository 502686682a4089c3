// Viewer keys: ←/→ browse, F or H heart, B basket. Esc is the dialog's own "cancel".
// Ctrl/Cmd/Alt combinations stay the browser's (Ctrl+F is find in page).
import { useEffect, useRef } from 'react';

export interface ViewerKeyActions {
  previous(): void;
  next(): void;
  heart(): void;
  basket(): void;
}

export function useViewerKeys(actions: ViewerKeyActions): void {
  const current = useRef(actions);
  useEffect(() => {
    current.current = actions;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const a = current.current;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const browse: Record<string, (() => void) | undefined> = { ArrowLeft: a.previous, ArrowRight: a.next };
      // A held key repeats browsing, but must not flip a heart on and off.
      const toggles: Record<string, (() => void) | undefined> = event.repeat ? {} : { f: a.heart, h: a.heart, b: a.basket };
      const action = browse[key] ?? toggles[key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
