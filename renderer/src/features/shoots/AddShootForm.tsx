import { type DragEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getApi } from '../../api/use-api';
import { Field } from '../../ui/Field';
import { usePrefs } from '../settings/prefs-store';
import { useShoots } from './shoots-store';

/** Add a shoot folder (or a root of shoots): typed path, native picker, or a dropped folder. */
export function AddShootForm({ onDone }: { onDone?: () => void }) {
  const { t } = useTranslation();
  const canPick = usePrefs((s) => s.info?.canPickFolders ?? false);
  const { add, busy, error } = useShoots();
  const [path, setPath] = useState('');
  const [root, setRoot] = useState(false);
  const [dragging, setDragging] = useState(false);

  async function submit(target: string) {
    if (await add(target, root ? 'root' : 'shoot')) {
      setPath('');
      onDone?.();
    }
  }
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(path);
  }
  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    const dropped = file && window.proofdesk?.pathForFile?.(file);
    if (dropped) void submit(dropped);
  }
  async function pick() {
    const { path: chosen } = await getApi().call('dialog.pickFolder', { title: t('shoots.pickTitle') });
    if (chosen) void submit(chosen);
  }

  return (
    <form
      className={`add-shoot${dragging ? ' add-shoot--dragging' : ''}`}
      onSubmit={onSubmit}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      aria-label={t('shoots.addTitle')}
    >
      <Field
        label={t('shoots.folder')}
        placeholder={t('shoots.folderPlaceholder')}
        hint={canPick ? t('shoots.dropHint') : t('shoots.typeHint')}
        value={path}
        onChange={(e) => setPath(e.target.value)}
        error={error?.fields?.path ?? (error ? error.message : undefined)}
      />
      <label className="checkbox">
        <input type="checkbox" checked={root} onChange={(e) => setRoot(e.target.checked)} />
        <span>{t('shoots.isRoot')}</span>
      </label>
      <div className="card__actions">
        {canPick ? (
          <button type="button" className="button" onClick={() => void pick()}>
            {t('firstRun.choose')}
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={busy || path.trim() === ''}>
          {busy ? t('common.working') : t('shoots.add')}
        </button>
      </div>
    </form>
  );
}
