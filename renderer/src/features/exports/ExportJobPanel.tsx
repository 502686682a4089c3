// The export dialog's panel for long exports (sidecars, copies): start, progress, and what happened
// to each file.
import { useTranslation } from 'react-i18next';
import type { ExportPreview, ExportResult } from '../../../../shared/schemas/export-desk';
import type { PanelProps } from './export-types';
import { useExports } from './exports-store';

const sidecarShown = ['created', 'updated', 'unchanged', 'skipped', 'refused', 'failed', 'not-here', 'cancelled'] as const;
const copyShown = ['copied', 'already-there', 'renamed', 'failed', 'not-here', 'cancelled'] as const;
const alwaysShown = new Set(['created', 'updated', 'copied', 'already-there', 'renamed', 'failed']);

export function JobPanel({ target, mode, result, running, onStart, preview }: PanelProps) {
  const { t } = useTranslation();
  const progress = running?.progress ?? null;
  const done = result && (result.kind === 'sidecars' || result.kind === 'copy') && result.target === target.id ? result : null;
  const file = (label: string | undefined) => (label?.includes(': ') ? label.slice(label.indexOf(': ') + 2) : '');
  return (
    <>
      <div className="card__actions">
        {running ? (
          <button type="button" className="button" disabled={running.cancelling} onClick={() => void useExports.getState().cancel()}>
            {running.cancelling ? t('export.dialog.cancelling') : t('common.cancel')}
          </button>
        ) : null}
        <button type="button" className="button button--primary" disabled={running !== null} onClick={onStart}>
          {mode === 'copy' ? t('export.dialog.startCopy') : t('export.dialog.startSidecars')}
        </button>
      </div>
      {running ? (
        <div className="export-progress">
          <progress
            aria-label={mode === 'copy' ? t('export.dialog.copyProgress') : t('export.dialog.sidecarProgress')}
            max={Math.max(progress?.total ?? 1, 1)}
            value={progress?.done ?? 0}
          />
          <small role="status">
            {progress ? t('export.dialog.progressCount', { done: progress.done, total: progress.total }) : t('export.dialog.starting')}
            {file(progress?.label) ? ` · ${file(progress?.label)}` : ''}
          </small>
        </div>
      ) : null}
      {done ? (
        <div className="export-result" role="status" aria-label={t('export.dialog.results')}>
          <p>
            <strong>
              {done.cancelled
                ? t(done.kind === 'copy' ? 'export.dialog.copyCancelled' : 'export.dialog.sidecarsCancelled')
                : done.kind === 'copy'
                  ? done.counts.copied + done.counts.renamed === 0 && done.counts['already-there'] > 0 && done.counts.failed === 0
                    ? t('export.dialog.copyAllThere', { folder: done.folder })
                    : t('export.dialog.copyDone', { folder: done.folder })
                  : t('export.dialog.sidecarsDone')}
            </strong>
          </p>
          <dl className="export-counts">
            {(done.kind === 'copy' ? copyShown : sidecarShown)
              .filter((s) => alwaysShown.has(s) || (done.counts as Record<string, number>)[s])
              .map((s) => (
                <div
                  key={s}
                  className={`export-count export-count--${s}${(done.counts as Record<string, number>)[s] ? '' : ' export-count--zero'}`}
                >
                  <dt>{t(`export.status.${s}`)}</dt>
                  <dd>{(done.counts as Record<string, number>)[s] ?? 0}</dd>
                </div>
              ))}
          </dl>
          <ResultDetails result={done} preview={preview} />
        </div>
      ) : null}
    </>
  );
}

function ResultDetails({ result, preview }: { result: Extract<ExportResult, { kind: 'sidecars' | 'copy' }>; preview: ExportPreview }) {
  const { t } = useTranslation();
  const noRaw = new Set(preview.withoutRaw);
  const rows: { key: string; name: string; status: string; why: string }[] = [];
  if (result.kind === 'copy') {
    for (const r of result.results) {
      if (r.status === 'copied' || r.status === 'already-there') continue;
      const why =
        r.status === 'renamed'
          ? t('export.why.renamed', {
              name: r.target ? r.target.slice(Math.max(r.target.lastIndexOf('/'), r.target.lastIndexOf('\\')) + 1) : '',
            })
          : r.status === 'not-here'
            ? t('export.why.notHere')
            : r.status === 'cancelled'
              ? t('export.why.cancelled')
              : (r.message ?? '');
      rows.push({ key: `${r.photoId}:${r.file}`, name: r.file, status: r.status, why });
    }
  } else {
    for (const r of result.results) {
      if (r.status === 'created' || r.status === 'updated' || r.status === 'unchanged') continue;
      const why =
        r.status === 'skipped'
          ? t(noRaw.has(r.name) ? 'export.why.noRaw' : 'export.why.nothingToWrite')
          : r.status === 'not-here'
            ? t('export.why.notHere')
            : r.status === 'cancelled'
              ? t('export.why.cancelled')
              : (r.message ?? '');
      rows.push({ key: r.photoId, name: r.name, status: r.status, why });
    }
  }
  if (rows.length === 0) return null;
  return (
    <ul className="export-details" aria-label={t('export.dialog.details')}>
      {rows.slice(0, 200).map((r) => (
        <li key={r.key}>
          <span className="export-details__name">{r.name}</span>
          <span className={`export-details__status export-count--${r.status}`}>{t(`export.status.${r.status}`)}</span>
          <span className="muted">{r.why}</span>
        </li>
      ))}
    </ul>
  );
}
