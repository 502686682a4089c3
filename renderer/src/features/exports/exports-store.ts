// "Export photos from all orders" (seed 004): the programs, what each source of the client's
// selection holds, and the one export running or last finished, with its job's progress.
import { create } from 'zustand';
import type { AppError } from '../../../../shared/errors';
import type { SelectionSource } from '../../../../shared/schemas/export';
import type { ExportPreview, ExportResult, ExportRunInput, ExportTargetView } from '../../../../shared/schemas/export-desk';
import type { JobProgress } from '../../../../shared/schemas/jobs';
import { getApi } from '../../api/use-api';

interface ExportsState {
  clientId: string | null;
  targets: ExportTargetView[];
  preview: ExportPreview | null;
  previewError: AppError | null;
  /** The run in flight: its job id and the latest job.progress for it (sidecars and copies). */
  running: { jobId: string; job: boolean; progress: JobProgress | null; cancelling: boolean } | null;
  result: ExportResult | null;
  runError: AppError | null;
  /** What the result (or the error) was made from, so a changed choice does not show an old one. */
  resultKey: string | null;
  start(clientId: string, source: SelectionSource): Promise<void>;
  loadPreview(source: SelectionSource): Promise<void>;
  /** `job`: sidecars and copies, one at a time with progress; text and files may overlap (the last one wins). */
  run(input: Omit<ExportRunInput, 'clientId' | 'jobId'>, key: string, job: boolean): Promise<ExportResult | null>;
  cancel(): Promise<void>;
  close(): void;
}

let offProgress: (() => void) | null = null;
let runSeq = 0;

const newJobId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? `export:${crypto.randomUUID()}` : `export:${Date.now()}-${Math.random()}`;

export const useExports = create<ExportsState>((set, get) => ({
  clientId: null,
  targets: [],
  preview: null,
  previewError: null,
  running: null,
  result: null,
  runError: null,
  resultKey: null,

  async start(clientId, source) {
    set({ clientId, preview: null, previewError: null, result: null, runError: null, resultKey: null, running: null });
    offProgress?.();
    offProgress = getApi().on('job.progress', (progress) => {
      const running = get().running;
      if (running && progress.jobId === running.jobId) set({ running: { ...running, progress } });
    });
    if (get().targets.length === 0) {
      try {
        set({ targets: await getApi().call('exports.targets') });
      } catch (error) {
        set({ previewError: error as AppError });
      }
    }
    await get().loadPreview(source);
  },

  async loadPreview(source) {
    const clientId = get().clientId;
    if (!clientId) return;
    try {
      const preview = await getApi().call('exports.preview', { clientId, source });
      if (get().clientId === clientId) set({ preview, previewError: null });
    } catch (error) {
      if (get().clientId === clientId) set({ previewError: error as AppError });
    }
  },

  async run(input, key, job) {
    const clientId = get().clientId;
    if (!clientId || get().running?.job) return null;
    const seq = ++runSeq;
    const jobId = newJobId();
    set({ running: { jobId, job, progress: null, cancelling: false }, runError: null, result: null, resultKey: key });
    try {
      const result = await getApi().call('exports.run', { ...input, clientId, jobId });
      if (seq === runSeq) set({ result, running: null });
      return result;
    } catch (error) {
      if (seq === runSeq) set({ runError: error as AppError, running: null });
      return null;
    }
  },

  async cancel() {
    const running = get().running;
    if (!running) return;
    set({ running: { ...running, cancelling: true } });
    try {
      await getApi().call('exports.cancel', { jobId: running.jobId });
    } catch (error) {
      set({ runError: error as AppError });
    }
  },

  close() {
    // Closing the dialog stops a running copy or sidecar job (a new run resumes a copy).
    const running = get().running;
    if (running?.job)
      void getApi()
        .call('exports.cancel', { jobId: running.jobId })
        .catch(() => undefined);
    runSeq++;
    offProgress?.();
    offProgress = null;
    set({ clientId: null, preview: null, previewError: null, result: null, runError: null, resultKey: null, running: null });
  },
}));
