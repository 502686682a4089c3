import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SelectionSource, selectionSources } from '../../../../shared/schemas/export';
import type { ExportPreview, ExportResult, ExportRunInput, ExportTargetView } from '../../../../shared/schemas/export-desk';
import { type ColorLabel, colorLabels } from '../../../../shared/schemas/photos';
import { CopyButton } from '../../ui/CopyButton';
import { Dialog } from '../../ui/Dialog';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { JobPanel } from './ExportJobPanel';
import { FolderField, RadioChip, SelectField } from './export-fields';
import type { Choices, LabelChoice, Mode, PanelProps, TargetId } from './export-types';
import { useExports } from './exports-store';

const initialChoices: Choices = {
  withExtension: false,
  format: 'list',
  rating: 'photo',
  label: 'photo',
  captureOneLabel: 'green',
  photoMechanic: 'text',
  photoMechanicRating: 5,
  nextToRaw: true,
  folder: '',
};

function modeOf(target: TargetId, choices: Choices): Mode {
  if (target === 'lightroom-filter') return 'text';
  if (target === 'photo-mechanic') return choices.photoMechanic === 'text' ? 'text' : 'sidecars';
  if (target === 'lightroom-smart-collection' || target === 'list-csv') return 'file';
  if (target === 'copy-originals') return 'copy';
  return 'sidecars';
}

function optionsFor(target: TargetId, c: Choices): NonNullable<ExportRunInput['options']> {
  switch (target) {
    case 'lightroom-filter':
      return { withExtension: c.withExtension };
    case 'photo-mechanic':
      return { mode: c.photoMechanic, rating: c.photoMechanicRating };
    case 'list-csv':
      return { format: c.format };
    case 'capture-one':
      return { label: c.captureOneLabel };
    case 'xmp-sidecars':
      return { rating: c.rating, label: c.label };
    default:
      return {};
  }
}

/** The export dialog: which photos, which program, then exactly what to do there. */
export function ExportDialog({ clientId, clientName, onClose }: { clientId: string; clientName: string; onClose(): void }) {
  const { t } = useTranslation();
  const { targets, preview, previewError, running, result: lastResult, runError: lastError, resultKey } = useExports();
  const [source, setSource] = useState<SelectionSource>('orders');
  const [targetId, setTargetId] = useState<TargetId | null>(null);
  const [choices, setChoices] = useState<Choices>(initialChoices);
  const update = (patch: Partial<Choices>) => setChoices((c) => ({ ...c, ...patch }));

  useEffect(() => {
    void useExports.getState().start(clientId, 'orders');
    return () => useExports.getState().close();
  }, [clientId]);

  const target = targets.find((x) => x.id === targetId) ?? null;
  const mode = target ? modeOf(target.id, choices) : null;
  const options = target ? optionsFor(target.id, choices) : {};
  const count = preview?.source === source ? preview.count : 0;
  // What the shown result was made from: a change of source, program or options clears it.
  const runKey = JSON.stringify({ source, targetId, options });
  const result = resultKey === runKey ? lastResult : null;
  const runError = resultKey === runKey ? lastError : null;

  // Text to copy is made at once; files, sidecars and copies wait for the button.
  useEffect(() => {
    if (!target || mode !== 'text' || preview?.source !== source || preview.count === 0) return;
    void useExports.getState().run({ source, target: target.id, options: JSON.parse(runKey).options }, runKey, false);
  }, [target, mode, preview, source, runKey]);

  function pickSource(next: SelectionSource) {
    setSource(next);
    void useExports.getState().loadPreview(next);
  }

  function start() {
    if (!target) return;
    const folder = choices.folder.trim();
    const withFolder = mode === 'file' || mode === 'copy' || (mode === 'sidecars' && !choices.nextToRaw);
    const job = mode === 'sidecars' || mode === 'copy';
    void useExports.getState().run({ source, target: target.id, options, ...(withFolder && folder ? { folder } : {}) }, runKey, job);
  }

  const label = (x: ExportTargetView) => t(x.labelKey, { defaultValue: x.label });

  return (
    <Dialog title={t('export.dialog.title', { name: clientName })} subtitle={t('export.dialog.subtitle')} size="large" onClose={onClose}>
      <div className="export-desk">
        <div className="export-desk__side">
          <fieldset className="choice-group">
            <legend>{t('export.dialog.photos')}</legend>
            <div className="export-choices">
              {selectionSources.map((s) => (
                <label key={s} className="radio export-choice">
                  <input type="radio" name="export-source" checked={source === s} onChange={() => pickSource(s)} />
                  <span>{t(`export.source.${s}`, { n: preview?.counts[s] ?? '…' })}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="choice-group">
            <legend>{t('export.dialog.program')}</legend>
            <div className="export-choices">
              {targets.map((x) => (
                <label key={x.id} className="radio export-choice">
                  <input type="radio" name="export-target" checked={targetId === x.id} onChange={() => setTargetId(x.id)} />
                  <span>{label(x)}</span>
                </label>
              ))}
            </div>
          </fieldset>
        </div>

        <div className="export-desk__main">
          {previewError ? <ErrorNotice message={previewError.message} /> : null}
          {!preview || preview.source !== source ? (
            <p className="muted" role="status">
              {t('common.loading')}
            </p>
          ) : (
            <SelectionSummary preview={preview} />
          )}
          {target && mode && preview && preview.source === source ? (
            <section className="export-detail" aria-labelledby="export-program-title">
              <header className="export-detail__header">
                <h3 id="export-program-title">{label(target)}</h3>
                <p className="muted">{t(target.summaryKey, { defaultValue: target.summary })}</p>
                {target.evidence !== 'documented' ? <p className="export-evidence">{t('export.dialog.evidence')}</p> : null}
              </header>
              {count === 0 ? null : (
                <ProgramPanel
                  target={target}
                  mode={mode}
                  choices={choices}
                  update={update}
                  preview={preview}
                  result={result}
                  running={running}
                  folderError={runError?.fields?.folder}
                  onStart={start}
                  onPickSmartCollection={() => setTargetId('lightroom-smart-collection')}
                />
              )}
              {runError && !runError.fields?.folder ? <ErrorNotice message={runError.message} /> : null}
              <Steps target={target} mode={mode} choices={choices} preview={preview} result={result} />
            </section>
          ) : preview && preview.source === source ? (
            <p className="export-hint">{t('export.dialog.pickProgram')}</p>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}

function SelectionSummary({ preview }: { preview: ExportPreview }) {
  const { t } = useTranslation();
  if (preview.empty) {
    return (
      <div className="banner banner--info" role="status">
        <div>
          <strong>{t(preview.empty.key, { ...preview.empty.params, defaultValue: preview.empty.text })}</strong>
        </div>
      </div>
    );
  }
  const shown = preview.names.slice(0, 12).join(', ');
  const more = preview.names.length - 12;
  return (
    <p className="export-selection">
      <strong>{t('photos.count', { count: preview.count })}</strong>
      {': '}
      <span className="export-selection__names">
        {shown}
        {more > 0 ? ` ${t('export.dialog.andMore', { n: more })}` : ''}
      </span>
    </p>
  );
}

function ProgramPanel(props: PanelProps) {
  const { t } = useTranslation();
  const { target, mode, choices, update, preview } = props;
  // "Lightroom Classic: file name filter" → "Lightroom Classic": the program itself.
  const programName = t(target.labelKey, { defaultValue: target.label }).split(':')[0] ?? target.label;
  return (
    <div className="export-output">
      {target.id === 'photo-mechanic' ? (
        <div className="segmented" role="radiogroup" aria-label={t('export.dialog.photoMechanicVersion')}>
          <RadioChip name="pm-mode" checked={choices.photoMechanic === 'text'} onChange={() => update({ photoMechanic: 'text' })}>
            {t('export.dialog.photoMechanicPlus')}
          </RadioChip>
          <RadioChip name="pm-mode" checked={choices.photoMechanic === 'sidecars'} onChange={() => update({ photoMechanic: 'sidecars' })}>
            {t('export.dialog.photoMechanicPlain')}
          </RadioChip>
        </div>
      ) : null}

      {mode === 'text' ? (
        <TextOutput {...props} programName={programName} />
      ) : mode === 'file' ? (
        <>
          {target.id === 'list-csv' ? (
            <div className="segmented" role="radiogroup" aria-label={t('export.dialog.format')}>
              <RadioChip name="list-format" checked={choices.format === 'list'} onChange={() => update({ format: 'list' })}>
                {t('export.dialog.formatList')}
              </RadioChip>
              <RadioChip name="list-format" checked={choices.format === 'csv'} onChange={() => update({ format: 'csv' })}>
                {t('export.dialog.formatCsv')}
              </RadioChip>
            </div>
          ) : null}
          <FolderField value={choices.folder} error={props.folderError} onChange={(folder) => update({ folder })} />
          <FileResult {...props} />
        </>
      ) : (
        <>
          <SidecarOptions target={target} choices={choices} update={update} />
          <MissingNotices preview={preview} mode={mode} />
          {mode === 'sidecars' ? (
            <label className="checkbox">
              <input type="checkbox" checked={choices.nextToRaw} onChange={(e) => update({ nextToRaw: e.target.checked })} />
              <span>{t('export.dialog.nextToRaw')}</span>
            </label>
          ) : null}
          {mode === 'copy' || !choices.nextToRaw ? (
            <FolderField value={choices.folder} error={props.folderError} onChange={(folder) => update({ folder })} />
          ) : null}
          <JobPanel {...props} />
        </>
      )}
    </div>
  );
}

function TextOutput({
  target,
  choices,
  update,
  result,
  running,
  onPickSmartCollection,
  programName,
}: PanelProps & { programName: string }) {
  const { t } = useTranslation();
  const id = useId();
  const text = result?.kind === 'text' && result.target === target.id ? result : null;
  return (
    <>
      {target.id === 'lightroom-filter' ? (
        <label className="checkbox">
          <input type="checkbox" checked={choices.withExtension} onChange={(e) => update({ withExtension: e.target.checked })} />
          <span>{t('export.dialog.withExtension')}</span>
        </label>
      ) : null}
      <div className="field">
        <div className="export-text-head">
          <label htmlFor={id}>{t('export.dialog.textLabel', { program: programName })}</label>
          <CopyButton text={text?.text ?? ''} label={t('export.dialog.copy')} small={false} />
        </div>
        <textarea
          id={id}
          className="export-text"
          readOnly
          rows={3}
          value={text?.text ?? ''}
          placeholder={running ? t('common.working') : ''}
        />
      </div>
      {text && text.warnings.length > 0 ? (
        <div className="banner banner--warn export-warning" role="note" aria-label={t('export.dialog.prefixTitle')}>
          <span className="banner__icon" aria-hidden="true">
            !
          </span>
          <div>
            <strong>{t('export.dialog.prefixTitle')}</strong>
            <ul>
              {text.warnings.map((w) => {
                const all = [...w.inSelection, ...w.outsideSelection];
                const names = all.slice(0, 5).join(', ') + (all.length > 5 ? ` ${t('export.dialog.andMore', { n: all.length - 5 })}` : '');
                return (
                  <li key={w.stem}>
                    {w.inSelection.length === 0
                      ? t('export.dialog.prefixOnlyOthers', { stem: w.stem, names })
                      : t(w.key, { stem: w.stem, names, defaultValue: w.text })}
                    {w.inSelection.length > 0 && w.outsideSelection.length > 0
                      ? ` ${t('export.dialog.prefixOutside', { names: w.outsideSelection.slice(0, 5).join(', ') })}`
                      : ''}
                  </li>
                );
              })}
            </ul>
            {text.remedy ? <p>{t(text.remedy.key, { defaultValue: text.remedy.text })}</p> : null}
            <div className="export-warning__actions">
              <button type="button" className="button button--small" onClick={() => update({ withExtension: true })}>
                {t('export.dialog.useWholeNames')}
              </button>
              <button type="button" className="button button--small" onClick={onPickSmartCollection}>
                {t('export.dialog.useSmartCollection')}
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}

function FileResult({ result, running, onStart, target }: PanelProps) {
  const { t } = useTranslation();
  const saved = result?.kind === 'file' && result.target === target.id ? result : null;
  return (
    <>
      <div className="card__actions">
        <button type="button" className="button button--primary" disabled={running !== null} onClick={onStart}>
          {running ? t('common.working') : t('export.dialog.save')}
        </button>
      </div>
      {saved ? (
        <div className="banner banner--ok" role="status">
          <span className="banner__icon" aria-hidden="true">
            ✓
          </span>
          <div>
            <strong>{t('export.dialog.saved', { name: saved.fileName })}</strong>
            <p className="export-path">{saved.path}</p>
          </div>
        </div>
      ) : null}
    </>
  );
}

function SidecarOptions({ target, choices, update }: Pick<PanelProps, 'target' | 'choices' | 'update'>) {
  const { t } = useTranslation();
  const labelName = (l: ColorLabel) => t(`labels.${l}`);
  if (target.id === 'capture-one') {
    return (
      <SelectField
        label={t('export.dialog.labelToWrite')}
        value={choices.captureOneLabel}
        onChange={(v) => update({ captureOneLabel: v as ColorLabel })}
      >
        {colorLabels.map((l) => (
          <option key={l} value={l}>
            {labelName(l)}
          </option>
        ))}
      </SelectField>
    );
  }
  if (target.id === 'photo-mechanic') {
    return (
      <SelectField
        label={t('export.dialog.ratingToWrite')}
        value={String(choices.photoMechanicRating)}
        onChange={(v) => update({ photoMechanicRating: Number(v) })}
      >
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {t('export.dialog.stars', { n })}
          </option>
        ))}
      </SelectField>
    );
  }
  if (target.id !== 'xmp-sidecars') return null;
  return (
    <div className="field-row">
      <SelectField
        label={t('export.dialog.rating')}
        value={String(choices.rating)}
        onChange={(v) => update({ rating: v === 'photo' || v === 'keep' ? v : Number(v) })}
      >
        <option value="photo">{t('export.dialog.ratingOwn')}</option>
        <option value="keep">{t('export.dialog.ratingKeep')}</option>
        {[0, 1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {t('export.dialog.stars', { n })}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('export.dialog.label')} value={choices.label} onChange={(v) => update({ label: v as LabelChoice })}>
        <option value="photo">{t('export.dialog.labelOwn')}</option>
        <option value="keep">{t('export.dialog.labelKeep')}</option>
        {colorLabels.map((l) => (
          <option key={l} value={l}>
            {labelName(l)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

function MissingNotices({ preview, mode }: { preview: ExportPreview; mode: Mode }) {
  const { t } = useTranslation();
  const list = (names: string[]) =>
    names.slice(0, 8).join(', ') + (names.length > 8 ? ` ${t('export.dialog.andMore', { n: names.length - 8 })}` : '');
  const withoutRaw = preview.withoutRaw;
  if (preview.notOnComputer.length === 0 && (mode !== 'sidecars' || withoutRaw.length === 0)) return null;
  return (
    <ul className="notices export-notices">
      {preview.notOnComputer.length > 0 ? (
        <li>{t('export.dialog.notHere', { count: preview.notOnComputer.length, names: list(preview.notOnComputer) })}</li>
      ) : null}
      {mode === 'sidecars' && withoutRaw.length > 0 ? (
        <li>{t('export.dialog.withoutRaw', { count: withoutRaw.length, names: list(withoutRaw) })}</li>
      ) : null}
    </ul>
  );
}

function Steps({
  target,
  mode,
  choices,
  preview,
  result,
}: {
  target: ExportTargetView;
  mode: Mode;
  choices: Choices;
  preview: ExportPreview;
  result: ExportResult | null;
}) {
  const { t } = useTranslation();
  const steps = useMemo(() => {
    if (target.id !== 'photo-mechanic') return target.steps;
    const part = mode === 'text' ? '.plus' : '.plain';
    return target.steps.filter((s) => s.key.includes(part));
  }, [target, mode]);
  const params = {
    fileName: result?.kind === 'file' && result.target === target.id ? result.fileName : preview.collection.fileName,
    title: preview.collection.title,
    label: t(`export.labelNames.${choices.captureOneLabel}`),
    rating: choices.photoMechanicRating,
  };
  return (
    <section className="export-steps-box" aria-labelledby="export-steps-title">
      <h4 id="export-steps-title">{t('export.dialog.stepsTitle')}</h4>
      <ol className="export-steps">
        {steps.map((s) => (
          <li key={s.key}>{t(s.key, { ...params, defaultValue: s.text })}</li>
        ))}
      </ol>
    </section>
  );
}
