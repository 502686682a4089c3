import { type DragEvent, type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';
import { Icon } from '../../ui/icons';

interface Props {
  /** The id of the folder form, so "Add photos" in the panel's header can submit it. */
  formId: string;
  /** Electron's folder picker is there: no typed path needed. */
  canPick: boolean;
  compact: boolean;
  busy: boolean;
  folder: string;
  folderError: string | undefined;
  onFolderChange(value: string): void;
  onPaths(paths: string[]): void;
  onTyped(): void;
}

/** Paths of what was dropped: Electron knows them; a plain browser never tells. */
function droppedPaths(event: DragEvent): string[] {
  const pathFor = window.proofdesk?.pathForFile;
  if (!pathFor) return [];
  return [...event.dataTransfer.files].map((file) => pathFor(file)).filter((p) => p !== '');
}

/**
 * Where the edited photos come in: dropped (a folder or files, highlighted while dragged over),
 * the native folder picker (Add photos, Electron), or a typed folder path (the browser host,
 * where a dropped file has no path).
 */
export function DropZone({ formId, canPick, compact, busy, folder, folderError, onFolderChange, onPaths, onTyped }: Props) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const [noPath, setNoPath] = useState(false);
  // A folder typed (or picked) since: the browser's drop problem is no longer the point.
  useEffect(() => {
    if (busy) setNoPath(false);
  }, [busy]);

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const paths = droppedPaths(event);
    setNoPath(paths.length === 0 && event.dataTransfer.files.length > 0);
    if (paths.length > 0) onPaths(paths);
  }
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setNoPath(false);
    onTyped();
  }

  return (
    <section
      className={`delivery-drop${dragging ? ' delivery-drop--over' : ''}${compact ? ' delivery-drop--compact' : ''}`}
      aria-label={t('delivery.panel.dropZone')}
      data-testid="delivery-drop"
      onDragEnter={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        if (!dragging) setDragging(true);
      }}
      onDragLeave={(e) => {
        // Only when the pointer leaves the zone, not when it moves onto a child.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div className="delivery-drop__prompt">
        <span className="delivery-drop__icon" aria-hidden="true">
          <Icon name="delivery" size={compact ? 22 : 34} />
        </span>
        <div>
          <p className="delivery-drop__title">{compact ? t('delivery.panel.dropAgain') : t('delivery.panel.drop')}</p>
          <p className="muted delivery-drop__hint">{canPick ? t('delivery.panel.dropHintPick') : t('delivery.panel.dropHintType')}</p>
        </div>
      </div>
      {noPath ? (
        <p className="banner banner--warn delivery-drop__no-path" role="alert">
          {t('delivery.panel.noPathInBrowser')}
        </p>
      ) : null}
      {canPick ? null : (
        <form id={formId} className="delivery-drop__form" onSubmit={onSubmit}>
          <Field
            label={t('delivery.panel.folder')}
            placeholder={t('delivery.panel.folderPlaceholder')}
            hint={compact ? undefined : t('delivery.panel.folderHint')}
            value={folder}
            disabled={busy}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => onFolderChange(e.target.value)}
            error={folderError}
          />
        </form>
      )}
    </section>
  );
}
