// EN · PL, always at hand: a gallery opens in its own language, the client may prefer the other.
import { useTranslation } from 'react-i18next';
import { languages } from '../../../../shared/schemas/prefs';
import { useLanguageChoice } from './use-language';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, choose } = useLanguageChoice();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {languages.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          aria-pressed={language === code}
          aria-label={t(`language.${code}`)}
          onClick={() => choose(code)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}
