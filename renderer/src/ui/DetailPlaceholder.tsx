import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import { ErrorNotice } from './ErrorNotice';

/** A detail page (a client, an order) before it has loaded: loading, or the error with Try again. */
export function DetailPlaceholder({
  label,
  back,
  error,
  onRetry,
}: {
  label: string;
  back: ReactNode;
  error: AppError | null;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="page page--wide" aria-label={label}>
      {back}
      {error ? (
        <div className="stack">
          <ErrorNotice message={error.message} />
          <div>
            <button type="button" className="button" onClick={onRetry}>
              {t('common.tryAgain')}
            </button>
          </div>
        </div>
      ) : (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
    </section>
  );
}
