// A small pool of eval'd worker threads, one job at a time each. Workers start on first use and
// idle ones do not keep the process alive. A worker that dies (a crash, out of memory) fails only
// its own job and is replaced on the next one.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../../shared/errors';

export interface WorkerPool<Job, Response> {
  run(job: Job): Promise<Response>;
  /** Refuses what is queued or running and ends every thread. */
  close(): Promise<void>;
}

interface Task<Job, Response> {
  id: number;
  job: Job;
  resolve: (response: Response) => void;
  reject: (error: AppError) => void;
}

interface Slot<Job, Response> {
  worker: Worker;
  task: Task<Job, Response> | null;
  exited: Promise<void>;
}

export function createWorkerPool<Job, Response extends { id: number }>(options: {
  source: string;
  workerData: unknown;
  size: number;
  closeMessage: string;
  name: string;
}): WorkerPool<Job, Response> {
  const slots = new Set<Slot<Job, Response>>();
  const queue: Task<Job, Response>[] = [];
  let nextId = 1;
  let closed = false;

  function start(): Slot<Job, Response> {
    const worker = new Worker(options.source, { eval: true, workerData: options.workerData, name: options.name });
    const slot: Slot<Job, Response> = { worker, task: null, exited: new Promise((resolve) => worker.once('exit', () => resolve())) };
    worker.unref();
    worker.on('message', (response: Response) => {
      const task = slot.task;
      if (!task || task.id !== response.id) return;
      finish(slot);
      task.resolve(response);
    });
    const die = (why: string) => {
      slots.delete(slot);
      const task = slot.task;
      slot.task = null;
      task?.reject(new AppError('internal', `The ${options.name} stopped (${why}). Try again; if it keeps failing, restart Proofdesk.`));
      pump();
    };
    worker.on('error', (error) => die(error.message));
    worker.on('exit', (code) => {
      if (slots.has(slot)) die(`exit code ${code}`);
    });
    slots.add(slot);
    return slot;
  }

  function finish(slot: Slot<Job, Response>): void {
    slot.task = null;
    slot.worker.unref();
    pump();
  }

  function pump(): void {
    while (!closed && queue.length > 0) {
      let slot = [...slots].find((s) => s.task === null);
      if (!slot && slots.size < options.size) slot = start();
      if (!slot) return;
      const task = queue.shift() as Task<Job, Response>;
      slot.task = task;
      // A running job must keep the process alive until it answers.
      slot.worker.ref();
      slot.worker.postMessage({ id: task.id, job: task.job });
    }
  }

  return {
    run(job) {
      if (closed) return Promise.reject(new AppError('internal', `The ${options.name} is closed.`));
      return new Promise<Response>((resolve, reject) => {
        queue.push({ id: nextId++, job, resolve, reject });
        pump();
      });
    },
    async close() {
      if (!closed) {
        closed = true;
        const refused = new AppError('internal', `The ${options.name} is closed.`);
        for (const task of queue.splice(0)) task.reject(refused);
        for (const slot of slots) {
          const task = slot.task;
          slot.task = null;
          task?.reject(refused);
          slot.worker.ref();
          slot.worker.postMessage(options.closeMessage);
        }
      }
      const exits = [...slots].map((s) => s.exited);
      slots.clear();
      await Promise.all(exits);
    },
  };
}
