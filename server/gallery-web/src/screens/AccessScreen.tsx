// The door: the link names the gallery, the client types the code from the e-mail. A wrong
// code or a rate limit is shown in the server's own words (it says when to try again).
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure } from '../api/http';
import { useSession } from '../state/session-store';
import { failureText } from '../ui/failure-text';
import { LanguageSwitch } from '../ui/LanguageSwitch';

export function AccessScreen({ slug, failure }: { slug: string; failure: ApiFailure | null }) {
  const { t } = useTranslation();
  const unlock = useSession((s) => s.unlock);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<ApiFailure | null>(failure);
  const [checking, setChecking] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (checking || code.trim() === '') return;
    setChecking(true);
    setProblem(null);
    try {
      await unlock(slug, code.trim());
    } catch (error) {
      setProblem(error instanceof ApiFailure ? error : new ApiFailure('unexpected', null, 0, null));
      setChecking(false);
    }
  };

  return (
    <div className="door">
      <div className="door-lang">
        <LanguageSwitch />
      </div>
      <main className="door-card" aria-labelledby="door-title">
        <p className="eyebrow">{t('access.eyebrow')}</p>
        <h1 id="door-title">{t('access.title')}</h1>
        <p className="door-lead">{t('access.lead')}</p>
        <form className="door-form" onSubmit={submit} noValidate>
          <label className="field">
            <span>{t('access.code')}</span>
            <input
              className="code-input"
              name="code"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required
              maxLength={64}
              value={code}
              onChange={(event) => setCode(event.target.value)}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? 'code-problem' : undefined}
            />
          </label>
          {problem && (
            <p id="code-problem" className="form-failure" role="alert">
              {failureText(problem, t)}
            </p>
          )}
          <button type="submit" className="button-primary" disabled={checking} aria-busy={checking}>
            {t(checking ? 'access.checking' : 'access.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
