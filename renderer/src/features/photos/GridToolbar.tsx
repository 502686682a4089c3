import { useTranslation } from 'react-i18next';
import { colorLabels, type PhotoFilter } from '../../../../shared/schemas/photos';
import { usePhotos } from './photos-store';

// One select with every filter a culler reaches for; the value encodes the filter.
const options: { value: string; filter: PhotoFilter; key: string; values?: Record<string, unknown> }[] = [
  { value: 'all', filter: {}, key: 'filters.all' },
  { value: 'picks', filter: { pick: 'pick' }, key: 'filters.picks' },
  { value: 'rejects', filter: { pick: 'reject' }, key: 'filters.rejects' },
  { value: 'unflagged', filter: { pick: 'none' }, key: 'filters.unflagged' },
  ...[1, 2, 3, 4, 5].map((n) => ({ value: `rating-${n}`, filter: { minRating: n }, key: 'filters.rating', values: { count: n } })),
  ...colorLabels.map((label) => ({ value: `label-${label}`, filter: { label }, key: `labels.${label}` })),
  { value: 'attention', filter: { status: 'needs_attention' }, key: 'filters.attention' },
  { value: 'missing', filter: { status: 'missing' }, key: 'filters.missing' },
];

function optionValueFor(filter: PhotoFilter): string {
  return options.find((o) => JSON.stringify(o.filter) === JSON.stringify(filter))?.value ?? 'all';
}

export function GridToolbar() {
  const { t } = useTranslation();
  const { filter, sort, total, selected } = usePhotos();
  return (
    <div className="toolbar">
      <label className="toolbar__field">
        <span>{t('filters.label')}</span>
        <select
          value={optionValueFor(filter)}
          onChange={(e) => void usePhotos.getState().setFilter(options.find((o) => o.value === e.target.value)?.filter ?? {})}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {t(o.key, o.values)}
            </option>
          ))}
        </select>
      </label>
      <label className="toolbar__field">
        <span>{t('sort.label')}</span>
        <select value={sort} onChange={(e) => void usePhotos.getState().setSort(e.target.value as 'capture' | 'name')}>
          <option value="capture">{t('sort.capture')}</option>
          <option value="name">{t('sort.name')}</option>
        </select>
      </label>
      <output className="toolbar__count" aria-live="polite">
        {selected.size > 0 ? t('photos.selectedCount', { count: selected.size, total }) : t('photos.count', { count: total })}
      </output>
      <span className="toolbar__hint">{t('cull.hint')}</span>
    </div>
  );
}
