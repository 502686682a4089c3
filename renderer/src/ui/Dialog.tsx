import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons at the bottom, outside the scrolling body. */
  footer?: ReactNode;
  size?: 'small' | 'medium' | 'large';
  /** Text under the title (also the dialog's description for screen readers). */
  subtitle?: string;
}

/**
 * A modal dialog on the native <dialog> element: focus moves in and is kept there, Escape and
 * the close button call onClose, and the page behind is inert while it is open.
 */
export function Dialog({ title, onClose, children, footer, size = 'medium', subtitle }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog dialog--${size}`}
      aria-labelledby={`${id}-title`}
      aria-describedby={subtitle ? `${id}-subtitle` : undefined}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog__header">
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          {subtitle ? (
            <p id={`${id}-subtitle`} className="dialog__subtitle">
              {subtitle}
            </p>
          ) : null}
        </div>
        <button type="button" className="button button--quiet dialog__close" aria-label={t('common.close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div className="dialog__body">{children}</div>
      {footer ? <footer className="dialog__footer">{footer}</footer> : null}
    </dialog>
  );
}
