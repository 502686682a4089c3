// The top bar of inner pages (checkout, order): the way back to the gallery instead of the name.
import { useTranslation } from 'react-i18next';
import { ArrowLeftIcon } from '../ui/icons';
import { TopBar } from './TopBar';

export function InnerPageBar({ studioName, onBack }: { studioName: string; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <TopBar
      studioName={studioName}
      overCover={false}
      leading={
        <button type="button" className="back-link" onClick={onBack}>
          <ArrowLeftIcon size={18} />
          {t('common.backToGallery')}
        </button>
      }
    />
  );
}
