import { useTranslation } from 'react-i18next';

export function Footer({ studioName, saveDeterrent }: { studioName: string; saveDeterrent: boolean }) {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p className="footer-studio">{t('footer.copyright', { studio: studioName })}</p>
      {saveDeterrent && <p className="footer-deterrent">{t('footer.deterrent')}</p>}
      <p className="footer-credit">{t('footer.poweredBy')}</p>
    </footer>
  );
}
