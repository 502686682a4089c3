import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from './copy';

/** A button that copies text, then says so (or says how to copy by hand) next to itself. */
export function CopyButton({ text, label, small = true }: { text: string; label: string; small?: boolean }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (result !== 'copied') return;
    const timer = setTimeout(() => setResult(null), 2500);
    return () => clearTimeout(timer);
  }, [result]);
  return (
    <span className="copy">
      <button
        type="button"
        className={`button${small ? ' button--small' : ''}`}
        onClick={async () => setResult((await copyText(text)) ? 'copied' : 'failed')}
      >
        {label}
      </button>
      <span className={`copy__result${result === 'failed' ? ' copy__result--failed' : ''}`} role="status">
        {result === 'copied' ? t('common.copied') : result === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}
