// The export dialog's small fields: a folder (typed, or picked where Electron offers a picker),
// a labelled select, and a radio chip.
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api/use-api';
import { Field } from '../../ui/Field';
import { usePrefs } from '../settings/prefs-store';

export function FolderField({ value, error, onChange }: { value: string; error: string | undefined; onChange(value: string): void }) {
  const { t } = useTranslation();
  const canPick = usePrefs((s) => s.info?.canPickFolders ?? false);
  async function pick() {
    const { path } = await getApi().call('dialog.pickFolder', { title: t('export.dialog.pickFolderTitle') });
    if (path) onChange(path);
  }
  return (
    <div className="field-row field-row--baseline">
      <Field
        label={t('export.dialog.folder')}
        placeholder={t('export.dialog.folderPlaceholder')}
        hint={canPick ? undefined : t('export.dialog.folderHint')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={error}
      />
      {canPick ? (
        <button type="button" className="button" onClick={() => void pick()}>
          {t('firstRun.choose')}
        </button>
      ) : null}
    </div>
  );
}

export function SelectField({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}

export function RadioChip({
  name,
  checked,
  onChange,
  children,
}: {
  name: string;
  checked: boolean;
  onChange(): void;
  children: ReactNode;
}) {
  return (
    <label className="radio">
      <input type="radio" name={name} checked={checked} onChange={onChange} />
      <span>{children}</span>
    </label>
  );
}
