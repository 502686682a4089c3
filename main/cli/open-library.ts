// Opens the library the command imports into, creating it when the folder is new or empty,
// through the same library service as the app: same manifest, same lock. The lock names this
// command, so the app (or another ingest) opening the library meanwhile is told who holds it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isAppError } from '../../shared/errors';
import { LIBRARY_MANIFEST_FILE, type Library } from '../../shared/schemas/library';
import { defaultPrefs } from '../../shared/schemas/prefs';
import { type Catalog, openCatalog } from '../services/catalog';
import { createLibraryService, LIBRARY_SUBFOLDERS, readManifest } from '../services/library';
import { createPreferences } from '../services/settings';

export const INGEST_LOCK_OWNER = 'the Proofdesk ingest command';

export interface OpenedLibrary {
  library: Library;
  created: boolean;
  catalog: Catalog;
  /** Closes the catalog, then releases the lock. */
  close(): Promise<void>;
}

export async function openOrCreateLibrary(libraryDir: string, now: () => Date = () => new Date()): Promise<OpenedLibrary> {
  let catalog: Catalog | null = null;
  // Preferences in memory: a command-line run must not change the app's list of recent libraries.
  const prefs = createPreferences({ store: { ...defaultPrefs } });
  const service = createLibraryService({
    prefs,
    now,
    ownerName: INGEST_LOCK_OWNER,
    onChange: (lib) => {
      catalog?.close();
      catalog = lib ? openCatalog(lib.path, { now }) : null;
    },
  });
  const exists = await hasManifest(libraryDir);
  if (!exists) await clearInterruptedCreate(libraryDir);
  const library = exists ? await service.open(libraryDir) : await service.create({ path: libraryDir, name: path.basename(libraryDir) });
  const opened = catalog as Catalog | null;
  if (!opened) throw new Error('the library opened without a catalog');
  return { library, created: !exists, catalog: opened, close: () => service.close() };
}

async function hasManifest(dir: string): Promise<boolean> {
  try {
    await readManifest(dir);
    return true;
  } catch (error) {
    // Any other problem (damaged manifest, newer version) is reported by open() in its words.
    if (isAppError(error) && error.code === 'not_found') return false;
    return true;
  }
}

/**
 * A create killed before its manifest was written leaves the empty subfolders (and maybe the
 * manifest's temporary file), which would make the next create refuse the folder as "not
 * empty". Only those are removed, and a subfolder only if it is empty (rmdir refuses otherwise).
 */
async function clearInterruptedCreate(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return; // no folder yet (or unreadable: create says so in its words)
  }
  const visible = entries.filter((e) => !e.startsWith('.'));
  if (visible.length === 0 || !visible.every((e) => (LIBRARY_SUBFOLDERS as readonly string[]).includes(e))) return;
  try {
    for (const sub of visible) await fs.rmdir(path.join(dir, sub));
  } catch {
    return; // not empty after all: leave everything as it is
  }
  const manifestTemp = (e: string) => e.startsWith(`.${LIBRARY_MANIFEST_FILE}.`) && e.endsWith('.tmp');
  for (const e of entries.filter(manifestTemp)) await fs.rm(path.join(dir, e), { force: true });
}
