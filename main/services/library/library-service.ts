// Create, open and close a studio library (one folder: manifest, catalog, variant cache).
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { LIBRARY_FORMAT_VERSION, LIBRARY_MANIFEST_FILE, type Library, type RecentLibrary } from '../../../shared/schemas/library';
import type { PreferencesService } from '../settings';
import { acquireLibraryLock, type LibraryLock } from './library-lock';
import { readManifest, writeManifest } from './manifest';

export const LIBRARY_SUBFOLDERS = ['variants', 'logs'] as const;

export interface LibraryServiceDeps {
  prefs: PreferencesService;
  now: () => Date;
  /** Fired after a library is opened (and locked) or closed; may open the catalog etc. */
  onChange: (library: Library | null) => void | Promise<void>;
  /** Shown to another process that finds the library locked, e.g. "Proofdesk". */
  ownerName?: string;
}

export interface LibraryService {
  current(): Library | null;
  recent(): Promise<RecentLibrary[]>;
  create(input: { path: string; name: string }): Promise<Library>;
  open(libraryPath: string): Promise<Library>;
  close(): Promise<void>;
  /** At start-up: reopen the most recent library if it is still there; never throws. */
  reopenLast(): Promise<Library | null>;
}

export function createLibraryService({ prefs, now, onChange, ownerName = 'Proofdesk' }: LibraryServiceDeps): LibraryService {
  let open: Library | null = null;
  let lock: LibraryLock | null = null;

  async function closeOpen() {
    if (!open) return;
    open = null;
    await onChange(null);
    await lock?.release();
    lock = null;
  }

  async function openAt(libraryPath: string): Promise<Library> {
    const resolved = path.resolve(libraryPath);
    const manifest = await readManifest(resolved);
    if (open?.path === resolved) return open;
    const newLock = await acquireLibraryLock(resolved, ownerName);
    await closeOpen();
    const library: Library = { id: manifest.id, name: manifest.name, path: resolved, createdAt: manifest.createdAt };
    lock = newLock;
    open = library;
    try {
      await onChange(library);
    } catch (error) {
      // The catalog could not be opened (newer version, damaged file): nothing stays half-open.
      open = null;
      await newLock.release();
      lock = null;
      throw error;
    }
    prefs.rememberLibrary(resolved);
    return library;
  }

  return {
    current: () => open,

    async recent() {
      return Promise.all(
        prefs.get().recentLibraries.map(async (p) => {
          try {
            const manifest = await readManifest(p);
            return { path: p, name: manifest.name, available: true };
          } catch {
            return { path: p, name: null, available: false };
          }
        }),
      );
    },

    async create({ path: target, name }) {
      const resolved = path.resolve(target);
      await assertUsableFolder(resolved);
      await fs.mkdir(resolved, { recursive: true });
      for (const sub of LIBRARY_SUBFOLDERS) await fs.mkdir(path.join(resolved, sub), { recursive: true });
      // The manifest is written last: a folder without it is not a library, so an
      // interrupted create never leaves a half-made library that later opens.
      await writeManifest(resolved, {
        app: 'proofdesk',
        formatVersion: LIBRARY_FORMAT_VERSION,
        id: randomUUID(),
        name,
        createdAt: now().toISOString(),
      });
      return openAt(resolved);
    },

    open: openAt,

    close: closeOpen,

    async reopenLast() {
      const last = prefs.get().recentLibraries[0];
      if (!last) return null;
      try {
        return await openAt(last);
      } catch {
        return null;
      }
    },
  };
}

async function assertUsableFolder(target: string): Promise<void> {
  let stat: import('node:fs').Stats;
  try {
    stat = await fs.stat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new AppError('io_error', `The folder ${target} cannot be used (${(error as Error).message}).`);
  }
  if (!stat.isDirectory()) {
    throw new AppError('conflict', `${target} is a file, not a folder. Choose a folder for the library.`, {
      path: 'This is a file, not a folder',
    });
  }
  const entries = (await fs.readdir(target)).filter((e) => !e.startsWith('.'));
  if (entries.includes(LIBRARY_MANIFEST_FILE)) {
    throw new AppError('conflict', `${target} already holds a Proofdesk library. Open it instead of creating a new one.`, {
      path: 'A library already exists here',
    });
  }
  if (entries.length > 0) {
    throw new AppError(
      'conflict',
      `${target} already contains files. Choose an empty or new folder for the library; your shoots stay where they are and are added later.`,
      { path: 'Choose an empty or new folder' },
    );
  }
}
