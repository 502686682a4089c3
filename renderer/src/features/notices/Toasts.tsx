import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api/use-api';
import { useNotices } from './notices-store';

/** The shell's polite live region: `notice` events appear here (errors stay until dismissed). */
export function Toasts() {
  const { t } = useTranslation();
  const notices = useNotices((s) => s.notices);
  useEffect(() => getApi().on('notice', (notice) => useNotices.getState().push(notice)), []);
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label={t('notices.label')}>
      {notices.map((notice) => (
        <div key={notice.id} className={`toast toast--${notice.level}`}>
          <p className="toast__text">{notice.message}</p>
          <button
            type="button"
            className="button button--quiet button--small"
            aria-label={t('notices.dismiss')}
            onClick={() => useNotices.getState().dismiss(notice.id)}
          >
            {t('common.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
