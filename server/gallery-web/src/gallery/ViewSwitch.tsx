// All photographs or only the hearted ones: the client's shortlist is one tap away.
import { useTranslation } from 'react-i18next';

export type View = 'all' | 'favourites';

export function ViewSwitch({
  view,
  total,
  favourites,
  onChange,
}: {
  view: View;
  total: number;
  favourites: number;
  onChange(view: View): void;
}) {
  const { t } = useTranslation();
  const option = (value: View, label: string, count: number) => (
    <button type="button" aria-pressed={view === value} onClick={() => onChange(value)}>
      {label} <span className="view-count">{count}</span>
    </button>
  );
  return (
    <fieldset className="view-switch">
      <legend className="visually-hidden">{t('gallery.views')}</legend>
      {option('all', t('gallery.all'), total)}
      {option('favourites', t('gallery.favourites'), favourites)}
    </fieldset>
  );
}
