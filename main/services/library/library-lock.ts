// One process at a time writes a library: the app, the browser host or the ingest CLI.
// The lock is a small file naming the owner; a lock left by a process that no longer
// runs (crash, power loss) is taken over.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors';

export const LOCK_FILE = '.proofdesk.lock';

interface LockOwner {
  pid: number;
  host: string;
  owner: string;
  since: string;
}

export interface LibraryLock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<LockOwner | null> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

export async function acquireLibraryLock(libraryPath: string, owner: string): Promise<LibraryLock> {
  const file = path.join(libraryPath, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), owner, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(file, JSON.stringify(me), { flag: 'wx' });
      return { release: () => releaseIfMine(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = await readOwner(file);
    const sameMachine = current?.host === me.host;
    if (current && current.pid === me.pid && sameMachine) return { release: () => releaseIfMine(file) };
    if (current && sameMachine && alive(current.pid)) {
      throw new AppError(
        'conflict',
        `This library is open in ${current.owner} (process ${current.pid}). Close it there first, or add the folder from the running app.`,
      );
    }
    if (current && !sameMachine) {
      throw new AppError(
        'conflict',
        `This library is open on another computer (${current.host}) since ${current.since}. Close it there first; if that computer crashed, delete ${LOCK_FILE} in the library folder.`,
      );
    }
    await fs.rm(file, { force: true }); // stale: its process is gone
  }
  throw new AppError('conflict', 'The library could not be locked for use. Try again in a moment.');
}

async function releaseIfMine(file: string): Promise<void> {
  const current = await readOwner(file);
  if (current?.pid === process.pid && current.host === os.hostname()) await fs.rm(file, { force: true });
}
