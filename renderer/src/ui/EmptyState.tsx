import type { ReactNode } from 'react';

interface Props {
  title: string;
  body: string;
  icon?: ReactNode;
  children?: ReactNode;
}

/** A section with nothing in it says what will appear here and how it gets there. */
export function EmptyState({ title, body, icon, children }: Props) {
  return (
    <div className="empty-state" role="status">
      {icon ? (
        <div className="empty-state__icon" aria-hidden="true">
          {icon}
        </div>
      ) : null}
      <h2 className="empty-state__title">{title}</h2>
      <p className="empty-state__body">{body}</p>
      {children ? <div className="empty-state__actions">{children}</div> : null}
    </div>
  );
}
