import { useTranslation } from 'react-i18next';
import { getApi } from '../../api/use-api';
import { usePhotos } from './photos-store';

/** The 'Needs attention' view: each damaged file with its reason and a Retry. */
export function AttentionList() {
  const { t } = useTranslation();
  const pages = usePhotos((s) => s.pages);
  const items = Object.values(pages).flat();
  const retry = async (ids: string[]) => {
    await getApi().call('photos.retry', { photoIds: ids });
    await usePhotos.getState().reload();
  };
  if (items.length === 0) return <p className="muted">{t('attention.none')}</p>;
  return (
    <div className="attention">
      <div className="attention__header">
        <p>{t('attention.lead', { count: items.length })}</p>
        <button type="button" className="button" onClick={() => void retry(items.map((i) => i.id))}>
          {t('attention.retryAll')}
        </button>
      </div>
      <ul className="attention__list" aria-label={t('attention.listLabel')}>
        {items.map((item) => (
          <li key={item.id} className="attention__row">
            <div>
              <strong>{item.stem}</strong>
              <small className="mono">{item.folder}</small>
              <p>{item.attentionReason}</p>
            </div>
            <button
              type="button"
              className="button"
              aria-label={t('attention.retryOne', { name: item.stem })}
              onClick={() => void retry([item.id])}
            >
              {t('attention.retry')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
