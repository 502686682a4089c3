import { useTranslation } from 'react-i18next';

interface Props {
  message: string;
  onDismiss?: () => void;
}

export function ErrorNotice({ message, onDismiss }: Props) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--error" role="alert">
      <span>{message}</span>
      {onDismiss ? (
        <button type="button" className="button button--quiet" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      ) : null}
    </div>
  );
}
