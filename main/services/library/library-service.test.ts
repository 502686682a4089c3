import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIBRARY_MANIFEST_FILE } from '../../../shared/schemas/library';
import { makeTempDir } from '../../../test/helpers/temp-dir';
import { createPreferences, openNodePrefsStore } from '../settings';
import { createLibraryService } from './library-service';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir();
});
afterEach(() => temp.cleanup());

function service() {
  const changes: unknown[] = [];
  const prefs = createPreferences(openNodePrefsStore(path.join(temp.dir, 'config')));
  const library = createLibraryService({ prefs, now: () => new Date('2026-11-25T09:00:00Z'), onChange: (l) => void changes.push(l) });
  return { library, prefs, changes };
}

describe('library service', () => {
  it('creates a library folder with its manifest and subfolders, opens it and remembers it', async () => {
    const { library, prefs, changes } = service();
    const target = path.join(temp.dir, 'Studio Nowak');
    const created = await library.create({ path: target, name: 'Studio Nowak' });
    expect(created).toMatchObject({ name: 'Studio Nowak', path: target, createdAt: '2026-11-25T09:00:00.000Z' });
    const manifest = JSON.parse(await fs.readFile(path.join(target, LIBRARY_MANIFEST_FILE), 'utf8'));
    expect(manifest).toMatchObject({ app: 'proofdesk', formatVersion: 1, name: 'Studio Nowak', id: created.id });
    expect((await fs.stat(path.join(target, 'variants'))).isDirectory()).toBe(true);
    expect(library.current()).toEqual(created);
    expect(prefs.get().recentLibraries[0]).toBe(target);
    expect(changes).toEqual([created]);
    expect((await fs.readdir(target)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a folder that already has files, and leaves them alone', async () => {
    const { library } = service();
    const target = path.join(temp.dir, 'shoot');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, 'IMG_0001.CR3'), 'raw');
    await expect(library.create({ path: target, name: 'x' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already contains files/),
    });
    expect(await fs.readdir(target)).toEqual(['IMG_0001.CR3']);
    expect(library.current()).toBeNull();
  });

  it('refuses to create a second library over an existing one and points to Open', async () => {
    const { library } = service();
    const target = path.join(temp.dir, 'lib');
    await library.create({ path: target, name: 'First' });
    await expect(library.create({ path: target, name: 'Second' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/Open it instead/),
    });
  });

  it('refuses a file as the library folder', async () => {
    const { library } = service();
    const file = path.join(temp.dir, 'notes.txt');
    await fs.writeFile(file, 'x');
    await expect(library.create({ path: file, name: 'x' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('opens an existing library and reports a folder without one clearly', async () => {
    const a = service();
    const target = path.join(temp.dir, 'lib');
    const created = await a.library.create({ path: target, name: 'Studio' });
    await a.library.close();
    expect(a.library.current()).toBeNull();
    expect(await a.library.open(target)).toEqual(created);
    await expect(a.library.open(temp.dir)).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/no Proofdesk library/),
    });
  });

  it('refuses a library made by a newer version without changing it', async () => {
    const { library } = service();
    const target = path.join(temp.dir, 'future');
    await fs.mkdir(target);
    const manifest = `${JSON.stringify({ app: 'proofdesk', formatVersion: 99, id: 'x', name: 'Future', createdAt: 'now' })}\n`;
    await fs.writeFile(path.join(target, LIBRARY_MANIFEST_FILE), manifest);
    await expect(library.open(target)).rejects.toMatchObject({ code: 'newer_version', message: expect.stringMatching(/newer version/) });
    expect(await fs.readFile(path.join(target, LIBRARY_MANIFEST_FILE), 'utf8')).toBe(manifest);
  });

  it('reports a damaged manifest without touching it', async () => {
    const { library } = service();
    const target = path.join(temp.dir, 'damaged');
    await fs.mkdir(target);
    await fs.writeFile(path.join(target, LIBRARY_MANIFEST_FILE), '{"app": "proofd');
    await expect(library.open(target)).rejects.toMatchObject({ code: 'io_error', message: expect.stringMatching(/damaged/) });
  });

  it('lists recent libraries and marks the ones that are gone', async () => {
    const { library } = service();
    const kept = path.join(temp.dir, 'kept');
    const gone = path.join(temp.dir, 'gone');
    await library.create({ path: gone, name: 'Gone' });
    await library.create({ path: kept, name: 'Kept' });
    await fs.rm(gone, { recursive: true });
    expect(await library.recent()).toEqual([
      { path: kept, name: 'Kept', available: true },
      { path: gone, name: null, available: false },
    ]);
  });

  it('reopens the last library at start and survives it being gone', async () => {
    const first = service();
    const target = path.join(temp.dir, 'lib');
    await first.library.create({ path: target, name: 'Studio' });
    const second = service();
    expect(await second.library.reopenLast()).toMatchObject({ name: 'Studio' });
    await fs.rm(target, { recursive: true });
    const third = service();
    expect(await third.library.reopenLast()).toBeNull();
  });
});

describe('library lock', () => {
  it('refuses a library another running process holds, naming it', async () => {
    const { library } = service();
    const target = path.join(temp.dir, 'lib');
    await library.create({ path: target, name: 'Studio' });
    await library.close();
    // A lock written by another live process on this machine (the parent of this test run).
    const os = await import('node:os');
    await fs.writeFile(
      path.join(target, '.proofdesk.lock'),
      JSON.stringify({ pid: process.ppid, host: os.hostname(), owner: 'Proofdesk', since: 'now' }),
    );
    await expect(library.open(target)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/open in Proofdesk/) });
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const { library } = service();
    const target = path.join(temp.dir, 'lib');
    await library.create({ path: target, name: 'Studio' });
    await library.close();
    const os = await import('node:os');
    await fs.writeFile(
      path.join(target, '.proofdesk.lock'),
      JSON.stringify({ pid: 2 ** 22 + 7, host: os.hostname(), owner: 'Proofdesk', since: 'then' }),
    );
    expect(await library.open(target)).toMatchObject({ name: 'Studio' });
    expect(JSON.parse(await fs.readFile(path.join(target, '.proofdesk.lock'), 'utf8')).pid).toBe(process.pid);
    await library.close();
    await expect(fs.stat(path.join(target, '.proofdesk.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('leaves nothing open or locked when opening the catalog fails', async () => {
    const prefs = createPreferences(openNodePrefsStore(path.join(temp.dir, 'config')));
    const library = createLibraryService({
      prefs,
      now: () => new Date(),
      onChange: (l) => {
        if (l) throw new Error('catalog is newer');
      },
    });
    const target = path.join(temp.dir, 'lib');
    await expect(library.create({ path: target, name: 'Studio' })).rejects.toThrow('catalog is newer');
    expect(library.current()).toBeNull();
    await expect(fs.stat(path.join(target, '.proofdesk.lock'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
