// The diff worker's code, as a string run with `new Worker(code, { eval: true })`, like the
// catalog reader's: a string works the same under vitest (TS sources) and after electron-vite
// bundles main/ (no separate worker file to emit or locate). The typed functions it runs are
// inlined as their compiled source; diff-bundled.test.ts checks that this survives minifying.
import { runDiffJob } from './diff-job';
import { diffPixels } from './diff-pixels';

export const CLOSE_MESSAGE = 'close';

export interface DiffWorkerData {
  /** Absolute path of sharp's entry: an eval'd worker has no module folder of its own. */
  sharpPath: string;
}

export type DiffWorkerResponse =
  | { id: number; ok: true; result: import('./diff-job').DiffJobResult; threadId: number }
  | { id: number; ok: false; side: 'before' | 'after' | null; message: string; threadId: number };

export const DIFF_WORKER_SOURCE = `
'use strict';
const { parentPort, workerData, threadId } = require('node:worker_threads');
const sharp = require(workerData.sharpPath);
const diffPixels = (${diffPixels.toString()});
const runDiffJob = (${runDiffJob.toString()});
parentPort.on('message', (message) => {
  if (message === ${JSON.stringify(CLOSE_MESSAGE)}) {
    parentPort.close();
    return;
  }
  runDiffJob(message.job, { sharp, diffPixels }).then(
    (result) => parentPort.postMessage({ id: message.id, ok: true, result, threadId }),
    (error) => parentPort.postMessage({
      id: message.id,
      ok: false,
      side: (error && error.side) || null,
      message: String((error && error.message) || error),
      threadId,
    }),
  );
});
`;
