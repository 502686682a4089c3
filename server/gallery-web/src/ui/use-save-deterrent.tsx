// Only when the photographer asked for it (settings.saveDeterrent): no context menu and no
// long-press callout on photographs. It is a deterrent, not protection (anyone can still take
// a screenshot), and the footer says so in plain words.
import { useEffect } from 'react';

export function useSaveDeterrent(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const root = document.documentElement;
    root.classList.add('deter-saving');
    const block = (event: Event) => {
      if (event.target instanceof HTMLImageElement) event.preventDefault();
    };
    document.addEventListener('contextmenu', block);
    document.addEventListener('dragstart', block);
    return () => {
      root.classList.remove('deter-saving');
      document.removeEventListener('contextmenu', block);
      document.removeEventListener('dragstart', block);
    };
  }, [enabled]);
}
