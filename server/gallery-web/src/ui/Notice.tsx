// A refused heart, a dropped connection: said once, near the thumb, and dismissible.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../state/session-store';
import { failureText } from './failure-text';
import { CloseIcon } from './icons';

export function Notice() {
  const { t } = useTranslation();
  const notice = useSession((s) => s.notice);
  const dismiss = useSession((s) => s.dismissNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(dismiss, 9000);
    return () => window.clearTimeout(timer);
  }, [notice, dismiss]);
  if (!notice) return null;
  return (
    <div className="notice" role="alert">
      <p>{failureText(notice, t)}</p>
      <button type="button" className="icon-button" aria-label={t('common.dismiss')} onClick={dismiss}>
        <CloseIcon size={18} />
      </button>
    </div>
  );
}
