// "Export photos from all orders" (seed 004, product point 7): the client's selection from the
// catalog, handed to the export service for the program the photographer picked. Text to copy
// comes back at once; a file is saved into the chosen folder under a free name; sidecars and
// copies of the originals run as a job with job.progress events and can be cancelled.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import type { SelectionPhoto, SelectionSource } from '../../../shared/schemas/export';
import { selectionSources } from '../../../shared/schemas/export';
import {
  copyStatuses,
  type ExportPreview,
  type ExportResult,
  type ExportTargetView,
  type exportRunInput,
  type PrefixWarningView,
  sidecarStatuses,
} from '../../../shared/schemas/export-desk';
import type { JobProgress } from '../../../shared/schemas/jobs';
import type { ColorLabel } from '../../../shared/schemas/photos';
import type { Catalog } from '../catalog';
import {
  buildSelection,
  copyOriginals,
  type ExportTarget,
  exportTarget,
  exportTargets,
  fillStep,
  lightroomFilterText,
  lightroomLabelNames,
  lightroomSmartCollection,
  photoMechanicPlan,
  placeNoClobber,
  plainList,
  planSidecars,
  prefixRemedy,
  prefixWarnings,
  type Selection,
  type SidecarChoice,
  type SidecarResult,
  selectionCsv,
  smartCollectionFileName,
  stemOf,
  writeTemp,
  writeXmpSidecars,
} from '../export';
import { type ClientSelection, clientSelection } from './client-selection';

export type RunExportInput = ReturnType<typeof exportRunInput.parse>;

export interface ExportRunner {
  /** The programs, with their steps and how well the steps are backed by sources. */
  targets(): ExportTargetView[];
  preview(input: { clientId: string; source: SelectionSource }): Promise<ExportPreview>;
  run(input: RunExportInput): Promise<ExportResult>;
  /** Stops a running sidecar or copy job; false when no such job runs. */
  cancel(jobId: string): boolean;
}

export interface ExportRunnerOptions {
  catalog: Catalog;
  events: { job(progress: JobProgress): void };
  /** How often a copy may report progress, at most (ms); every file done is reported anyway. */
  progressEveryMs?: number;
}

const baseName = (p: string) => p.slice(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1);

export function createExportRunner({ catalog, events, progressEveryMs = 150 }: ExportRunnerOptions): ExportRunner {
  const jobs = new Map<string, AbortController>();

  function load(clientId: string, source: SelectionSource) {
    const client = catalog.clients.get(clientId);
    if (!client) throw new AppError('not_found', 'This client is not in the library (any more). Go back to the list of clients.');
    const all = clientSelection(catalog, clientId);
    return { client, all, selection: buildSelection(all.photos, source) };
  }

  /** The smart collection's title: the client, and the gallery when the selection comes from one only. */
  function titleFor(clientId: string, clientName: string, selection: Selection): string {
    const ids = new Set(selection.photos.map((p) => p.photoId));
    const titles = catalog.galleries
      .byClient(clientId)
      .filter((g) => ids.size === 0 || catalog.galleries.photos(g.id).some((p) => ids.has(p.photoId)))
      .map((g) => g.title);
    const unique = [...new Set(titles)];
    return unique.length === 1 ? `${clientName} – ${unique[0]}` : clientName;
  }

  async function notOnComputer(photos: readonly SelectionPhoto[]): Promise<string[]> {
    const missing: string[] = [];
    for (const p of photos) {
      const present = await Promise.all(
        p.files.map((f) =>
          fs.stat(f.path).then(
            (s) => s.isFile(),
            () => false,
          ),
        ),
      );
      if (!present.some(Boolean)) missing.push(p.name);
    }
    return missing;
  }

  function warningsFor(selection: Selection, all: ClientSelection): PrefixWarningView[] {
    return prefixWarnings(selection.stems, all.shootStems).map((w) => ({
      stem: w.stem,
      inSelection: w.inSelection,
      outsideSelection: w.outsideSelection,
      key: w.key,
      text: w.text,
    }));
  }

  function steps(target: ExportTarget, values: Record<string, string | number>) {
    return target.steps.map((s) => ({ key: s.key, text: fillStep(s.text, values), params: values }));
  }

  function requireFolder(folder: string | undefined, what: string): string {
    if (!folder) throw new AppError('invalid_input', `Choose the folder to ${what}.`, { folder: `Choose the folder to ${what}.` });
    if (!path.isAbsolute(folder)) {
      const message = `Give the whole path of the folder, e.g. ${process.platform === 'win32' ? 'D:\\Exports\\Anna' : '/Users/anna/Exports'}.`;
      throw new AppError('invalid_input', message, { folder: message });
    }
    return path.normalize(folder);
  }

  /** Writes the file under the first free name: "name.ext", "name (2).ext", … Never replaces one. */
  async function saveFile(folder: string, fileName: string, data: string): Promise<string> {
    try {
      await fs.mkdir(folder, { recursive: true });
      const stem = stemOf(fileName);
      const ext = fileName.slice(stem.length);
      for (let n = 1; n < 1000; n++) {
        const target = path.join(folder, n === 1 ? fileName : `${stem} (${n})${ext}`);
        const temp = await writeTemp(target, data);
        if (await placeNoClobber(temp, target)) return target;
      }
    } catch (error) {
      throw new AppError('io_error', `${fileName} could not be saved in ${folder}: ${(error as Error).message}`);
    }
    throw new AppError('conflict', `There is no free name for ${fileName} in ${folder}; choose another folder.`);
  }

  function startJob(jobId: string | undefined, label: string) {
    const id = jobId ?? `export:${randomUUID()}`;
    if (jobs.has(id)) throw new AppError('conflict', 'This export is already running.');
    const controller = new AbortController();
    jobs.set(id, controller);
    let last = 0;
    const report = (state: JobProgress['state'], done: number, total: number, current?: string | null, force = false) => {
      const now = Date.now();
      if (!force && state === 'running' && now - last < progressEveryMs) return;
      last = now;
      events.job({ jobId: id, kind: 'export', state, done, total, label: current ? `${label}: ${current}` : label });
    };
    return { id, signal: controller.signal, report, end: () => jobs.delete(id) };
  }

  async function runSidecars(
    input: RunExportInput,
    target: ExportTarget,
    selection: Selection,
    choice: SidecarChoice,
    values: Record<string, string | number>,
  ): Promise<ExportResult> {
    const here = selection.photos.filter((p) => p.files.length > 0);
    const away = selection.photos.filter((p) => p.files.length === 0);
    const plan = planSidecars(here, choice);
    const folder = input.folder ? requireFolder(input.folder, 'write the sidecars into') : undefined;
    const job = startJob(input.jobId, target.label);
    const names = new Map(selection.photos.map((p) => [p.photoId, p.name]));
    let written: SidecarResult[] = [];
    try {
      job.report('running', 0, plan.items.length, null, true);
      written = await writeXmpSidecars(plan.items, {
        ...(folder ? { folder } : {}),
        signal: job.signal,
        onProgress: (done, total) => job.report('running', done, total, baseName(plan.items[done - 1]?.rawPath ?? ''), done === total),
      });
    } catch (error) {
      job.report('failed', written.length, plan.items.length, null, true);
      job.end();
      throw error;
    }
    const cancelled = job.signal.aborted && written.length < plan.items.length;
    job.report(cancelled ? 'cancelled' : 'done', written.length, plan.items.length, null, true);
    job.end();
    const results = [
      ...written,
      ...plan.items.slice(written.length).map((item) => ({ photoId: item.photoId, path: null, status: 'cancelled' as const })),
      ...plan.skipped,
      ...away.map((p) => ({
        photoId: p.photoId,
        path: null,
        status: 'not-here' as const,
        message: `${p.name} is not on this computer (no file of it here), so no sidecar was written for it.`,
      })),
    ].map((r) => ({ ...r, name: names.get(r.photoId) ?? r.photoId }));
    const counts = Object.fromEntries(sidecarStatuses.map((s) => [s, results.filter((r) => r.status === s).length])) as Record<
      (typeof sidecarStatuses)[number],
      number
    >;
    return { kind: 'sidecars', target: target.id, jobId: job.id, cancelled, results, counts, steps: steps(target, values) };
  }

  async function runCopy(input: RunExportInput, target: ExportTarget, selection: Selection, all: ClientSelection): Promise<ExportResult> {
    const folder = requireFolder(input.folder, 'copy the originals into');
    const here = selection.photos.filter((p) => p.files.length > 0);
    const away = selection.photos.filter((p) => p.files.length === 0);
    const shootFolders = [...all.shootFolders, ...here.flatMap((p) => p.files.map((f) => path.dirname(f.path)))];
    const job = startJob(input.jobId, target.label);
    const names = new Map(selection.photos.map((p) => [p.photoId, p.name]));
    let outcome: Awaited<ReturnType<typeof copyOriginals>>;
    try {
      job.report(
        'running',
        0,
        here.reduce((n, p) => n + p.files.length, 0),
        null,
        true,
      );
      let files = -1;
      outcome = await copyOriginals({
        photos: here,
        destination: folder,
        shootFolders,
        signal: job.signal,
        onProgress: (p) => {
          job.report('running', p.filesDone, p.filesTotal, p.currentFile, p.filesDone !== files);
          files = p.filesDone;
        },
      });
    } catch (error) {
      job.report('failed', 0, 0, null, true);
      job.end();
      throw error;
    }
    job.report(outcome.cancelled ? 'cancelled' : 'done', outcome.progress.filesDone, outcome.progress.filesTotal, null, true);
    job.end();
    const results = [
      ...outcome.results.map((r) => {
        const file = baseName(r.source);
        const renamed = r.status === 'copied' && r.target !== null && baseName(r.target) !== file;
        return {
          photoId: r.photoId,
          name: names.get(r.photoId) ?? r.photoId,
          file,
          target: r.target,
          status: renamed ? ('renamed' as const) : r.status,
          ...(r.message ? { message: r.message } : {}),
        };
      }),
      ...away.map((p) => ({
        photoId: p.photoId,
        name: p.name,
        file: p.name,
        target: null,
        status: 'not-here' as const,
        message: `${p.name} is not on this computer (no file of it here), so it was not copied.`,
      })),
    ];
    const counts = Object.fromEntries(copyStatuses.map((s) => [s, results.filter((r) => r.status === s).length])) as Record<
      (typeof copyStatuses)[number],
      number
    >;
    return {
      kind: 'copy',
      target: target.id,
      jobId: job.id,
      cancelled: outcome.cancelled,
      folder,
      results,
      counts,
      steps: steps(target, {}),
    };
  }

  return {
    targets: () => exportTargets.map((t) => ({ ...t, steps: t.steps.map((s) => ({ ...s })) })),

    async preview({ clientId, source }) {
      const { client, all, selection } = load(clientId, source);
      const counts = Object.fromEntries(selectionSources.map((s) => [s, buildSelection(all.photos, s).photos.length])) as Record<
        SelectionSource,
        number
      >;
      const warnings = warningsFor(selection, all);
      const title = titleFor(clientId, client.name, selection);
      return {
        source,
        counts,
        count: selection.photos.length,
        names: selection.names,
        stems: selection.stems,
        prefixWarnings: warnings,
        prefixRemedy: warnings.length ? { key: prefixRemedy.key, text: prefixRemedy.text } : null,
        empty: selection.empty ? { key: `export.empty.${source}`, params: { name: client.name }, text: selection.empty } : null,
        notOnComputer: await notOnComputer(selection.photos),
        withoutRaw: selection.photos.filter((p) => p.files.length > 0 && !p.files.some((f) => f.role === 'raw')).map((p) => p.name),
        collection: { title, fileName: smartCollectionFileName(title) },
      };
    },

    async run(input) {
      const target = exportTarget(input.target);
      const { client, all, selection } = load(input.clientId, input.source);
      if (selection.photos.length === 0) throw new AppError('invalid_input', selection.empty ?? 'There is nothing to export.');
      const options = input.options ?? {};
      switch (target.id) {
        case 'lightroom-filter': {
          const warnings = options.withExtension ? [] : warningsFor(selection, all);
          return {
            kind: 'text',
            target: target.id,
            count: selection.photos.length,
            text: lightroomFilterText(selection.names, { withExtension: options.withExtension ?? false }),
            warnings,
            remedy: warnings.length ? { key: prefixRemedy.key, text: prefixRemedy.text } : null,
            steps: steps(target, {}),
          };
        }
        case 'photo-mechanic': {
          const rating = typeof options.rating === 'number' && options.rating > 0 ? options.rating : 5;
          if (options.mode === 'sidecars') return runSidecars(input, target, selection, { rating, label: 'keep' }, { rating });
          return {
            kind: 'text',
            target: target.id,
            count: selection.photos.length,
            text: photoMechanicPlan(selection, rating).plusQuery,
            warnings: [],
            remedy: null,
            steps: steps(target, { rating }),
          };
        }
        case 'lightroom-smart-collection': {
          const title = options.title || titleFor(input.clientId, client.name, selection);
          const fileName = smartCollectionFileName(title);
          // Every file of each photo (RAW and JPEG), so the collection finds whichever the catalog holds.
          const fileNames = selection.photos.flatMap((p) => {
            const own = p.files.filter((f) => f.role !== 'sidecar').map((f) => baseName(f.path));
            return own.length ? own : [p.name];
          });
          const folder = requireFolder(input.folder, 'save the smart collection in');
          const saved = await saveFile(folder, fileName, lightroomSmartCollection(title, fileNames));
          return {
            kind: 'file',
            target: target.id,
            count: selection.photos.length,
            path: saved,
            fileName: path.basename(saved),
            steps: steps(target, { fileName: path.basename(saved), title }),
          };
        }
        case 'list-csv': {
          const csv = options.format === 'csv';
          const folder = requireFolder(input.folder, csv ? 'save the CSV in' : 'save the list in');
          const base =
            titleFor(input.clientId, client.name, selection)
              .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
              .trim() || 'Selection';
          const saved = await saveFile(
            folder,
            `${base}.${csv ? 'csv' : 'txt'}`,
            csv ? selectionCsv(selection.photos) : plainList(selection.photos),
          );
          return {
            kind: 'file',
            target: target.id,
            count: selection.photos.length,
            path: saved,
            fileName: path.basename(saved),
            steps: steps(target, {}),
          };
        }
        case 'capture-one': {
          const label: ColorLabel = options.label && options.label !== 'photo' && options.label !== 'keep' ? options.label : 'green';
          return runSidecars(input, target, selection, { rating: 'keep', label }, { label: lightroomLabelNames[label] });
        }
        case 'xmp-sidecars':
          return runSidecars(input, target, selection, { rating: options.rating ?? 'photo', label: options.label ?? 'photo' }, {});
        case 'copy-originals':
          return runCopy(input, target, selection, all);
      }
    },

    cancel(jobId) {
      const job = jobs.get(jobId);
      if (!job) return false;
      job.abort();
      return true;
    },
  };
}
