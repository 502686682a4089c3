// A native <dialog> opened with showModal(): the browser makes the rest of the page inert,
// keeps focus inside, and turns Esc into a "cancel" we route to onClose, so React decides
// when the dialog goes away. Focus returns to whatever opened it.
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

export function useModalDialog(ref: RefObject<HTMLDialogElement | null>, onClose: () => void): void {
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const root = document.documentElement;
    const overflow = root.style.overflow;
    root.style.overflow = 'hidden'; // No page scrolling behind the dialog.
    const cancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      root.style.overflow = overflow;
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, [ref]);
}
