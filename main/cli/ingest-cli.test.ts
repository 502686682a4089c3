// The built command, run as a user runs it: real folders, real fixtures, a real library.
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIBRARY_MANIFEST_FILE } from '../../shared/schemas/library';
import { sharedImagesDir } from '../../test/helpers/fixtures';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { createLibraryService } from '../services/library';
import { createPreferences } from '../services/settings';
import { editImage, lastLine, makeSmallImages, runCli, startCli } from './test-support';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeEach(async () => {
  temp = await makeTempDir('proofdesk-cli-');
});
afterEach(() => temp.cleanup());

const GOOD = ['orient-1-landscape.jpg', 'progressive.jpg', 'color-display-p3.jpg', 'png-alpha.png'];
const BROKEN = ['broken-zero-bytes.jpg', 'broken-truncated-60pct.jpg', 'broken-text-as.cr2', 'bomb-20000x20000.png'];

async function copyFixtures(dest: string, names: string[]) {
  await fs.mkdir(dest, { recursive: true });
  const old = new Date(Date.now() - 3_600_000);
  for (const name of names) {
    await fs.copyFile(path.join(sharedImagesDir, name), path.join(dest, name));
    await fs.utimes(path.join(dest, name), old, old);
  }
}

const lockFile = (library: string) => path.join(library, '.proofdesk.lock');

function jobStates(library: string): Record<string, number> {
  const db = new Database(path.join(library, 'catalog.sqlite'), { readonly: true });
  try {
    const rows = db.prepare('SELECT state, count(*) AS n FROM jobs GROUP BY state').all() as { state: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  } finally {
    db.close();
  }
}

describe('npm run ingest', () => {
  it('creates the library, lists every damaged file with its reason, exits 0 and ends with the summary', async () => {
    const shoot = path.join(temp.dir, 'Kowalski wedding');
    const library = path.join(temp.dir, 'Studio');
    await copyFixtures(shoot, [...GOOD, ...BROKEN]);

    const first = await runCli([shoot, '--library', library]);
    expect(first.code, first.stderr).toBe(0);
    expect(lastLine(first.stdout)).toBe('Imported 4, needs attention 4, already in the catalog 0.');
    for (const name of BROKEN) expect(first.stdout).toMatch(new RegExp(`^Needs attention: ${name.replace('.', '\\.')}: [A-Z].{15,}$`, 'm'));
    expect(first.stdout).toMatch(/broken-zero-bytes\.jpg: The file is empty/);
    expect(first.stdout).toMatch(/bomb-20000x20000\.png: .*megapixels/);
    expect(first.stdout).not.toContain('\x1b'); // not a terminal: plain lines, no bar
    expect(first.stdout).toMatch(/^8\/8 done, [\d.]+ images\/s, all done$/m);
    expect(first.stderr).toBe('');
    expect(existsSync(path.join(library, LIBRARY_MANIFEST_FILE))).toBe(true);
    expect(existsSync(lockFile(library))).toBe(false);

    // Unchanged files are "already in the catalog"; damaged ones are listed again, to fix.
    const second = await runCli([shoot, '--library', library]);
    expect(second.code).toBe(0);
    expect(lastLine(second.stdout)).toBe('Imported 0, needs attention 4, already in the catalog 4.');
    expect(second.stdout.match(/^Needs attention: /gm)).toHaveLength(4);
    expect(second.stdout).not.toMatch(/Created the library|Added /);

    // A photo edited in place is imported again (same photo, new variants).
    await editImage(path.join(shoot, 'progressive.jpg'), 1);
    const third = await runCli([shoot, '--library', library]);
    expect(lastLine(third.stdout)).toBe('Imported 1, needs attention 4, already in the catalog 3.');
  }, 60_000);

  it('refuses a library open in the app, naming it, and leaves its lock alone', async () => {
    const shoot = path.join(temp.dir, 'shoot');
    const library = path.join(temp.dir, 'lib');
    await copyFixtures(shoot, ['orient-1-landscape.jpg']);
    expect((await runCli([shoot, '--library', library])).code).toBe(0);
    // The app's lock: this test process is alive, on this machine.
    const appLock = JSON.stringify({ pid: process.pid, host: os.hostname(), owner: 'Proofdesk', since: new Date().toISOString() });
    await fs.writeFile(lockFile(library), appLock);

    const refused = await runCli([shoot, '--library', library]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `This library is open in Proofdesk (process ${process.pid}). Close it there first, or add the folder from the running app.\n`,
    );
    expect(refused.stdout).toBe('');
    expect(await fs.readFile(lockFile(library), 'utf8')).toBe(appLock);
  });

  it('says in plain words what is wrong with the command line or the folders, and exits 1', async () => {
    const library = path.join(temp.dir, 'lib');
    const missing = await runCli([path.join(temp.dir, 'no-such-card'), '--library', library]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^The folder .*no-such-card does not exist or cannot be reached\. Check the path, or connect the drive\.\n$/,
    );
    expect(existsSync(library)).toBe(false); // no library made for a typo

    const noLibrary = await runCli([temp.dir]);
    expect(noLibrary.code).toBe(1);
    expect(noLibrary.stderr).toMatch(/^Say which library to import into with --library <folder>\.\n\nUsage: npm run ingest/);

    const inside = await runCli([temp.dir, '--library', path.join(temp.dir, 'lib')]);
    expect(inside.code).toBe(1);
    expect(inside.stderr).toMatch(/must be separate folders/);

    const notEmpty = path.join(temp.dir, 'notes');
    await fs.mkdir(notEmpty);
    await fs.writeFile(path.join(notEmpty, 'todo.txt'), 'call the bride');
    await copyFixtures(path.join(temp.dir, 'card'), ['progressive.jpg']);
    const occupied = await runCli([path.join(temp.dir, 'card'), '--library', notEmpty]);
    expect(occupied.code).toBe(1);
    expect(occupied.stderr).toMatch(/already contains files\. Choose an empty or new folder for the library/);
    for (const r of [missing, noLibrary, inside, occupied]) expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('creates the library over one whose creation was killed before its manifest was written', async () => {
    const shoot = path.join(temp.dir, 'card');
    const library = path.join(temp.dir, 'lib');
    await copyFixtures(shoot, ['orient-1-landscape.jpg']);
    for (const sub of ['variants', 'logs']) await fs.mkdir(path.join(library, sub), { recursive: true });
    await fs.writeFile(path.join(library, `.${LIBRARY_MANIFEST_FILE}.a1b2c3.tmp`), '{"app": "proof');
    const run = await runCli([shoot, '--library', library]);
    expect(run.code, run.stderr).toBe(0);
    expect(lastLine(run.stdout)).toBe('Imported 1, needs attention 0, already in the catalog 0.');
    expect((await fs.readdir(library)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('adds a root of shoots with --root: one shoot per first-level folder', async () => {
    const root = path.join(temp.dir, 'Shoots 2026');
    await copyFixtures(path.join(root, 'Nowak family'), ['orient-1-landscape.jpg']);
    await copyFixtures(path.join(root, 'Zielinski baptism'), ['progressive.jpg', 'broken-zero-bytes.jpg']);
    const library = path.join(temp.dir, 'lib');
    const run = await runCli([root, '--library', library, '--root']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Needs attention: Zielinski baptism\/broken-zero-bytes\.jpg: /m);
    expect(lastLine(run.stdout)).toBe('Imported 2, needs attention 1, already in the catalog 0.');
    const db = new Database(path.join(library, 'catalog.sqlite'), { readonly: true });
    const shoots = db.prepare('SELECT name, kind FROM shoots ORDER BY name').all();
    db.close();
    expect(shoots).toEqual([
      { name: 'Nowak family', kind: 'shoot' },
      { name: 'Shoots 2026', kind: 'root' },
      { name: 'Zielinski baptism', kind: 'shoot' },
    ]);
  });

  it('with --watch, holds the library, imports photos as they arrive and closes cleanly on Ctrl+C', async () => {
    const shoot = path.join(temp.dir, 'card');
    const library = path.join(temp.dir, 'lib');
    await copyFixtures(shoot, ['orient-1-landscape.jpg']);
    const cli = startCli([shoot, '--library', library, '--watch']);
    await cli.waitForOutput('Press Ctrl+C to stop.');

    // The app, opening the library meanwhile, is told who holds it.
    const app = createLibraryService({ prefs: createPreferences({ store: {} }), now: () => new Date(), onChange: () => undefined });
    await expect(app.open(library)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/open in the Proofdesk ingest command/),
    });

    await fs.copyFile(path.join(sharedImagesDir, 'progressive.jpg'), path.join(shoot, 'new.jpg')); // fresh: settles after 1.5 s
    await cli.waitForOutput(/^2\/2 done/m);
    cli.child.kill('SIGINT');
    const result = await cli.done;
    expect(result.code, result.stderr).toBe(0);
    expect(lastLine(result.stdout)).toBe('Imported 2, needs attention 0, already in the catalog 0.');
    expect(existsSync(lockFile(library))).toBe(false);
    expect(jobStates(library)).toEqual({ done: 2 });
  }, 30_000);

  it('stops on SIGTERM mid-import: finishes the photos in flight, leaves no job running, and the next run goes on', async () => {
    const shoot = path.join(temp.dir, 'card');
    const library = path.join(temp.dir, 'lib');
    await makeSmallImages(shoot, 40);
    const cli = startCli([shoot, '--library', library]);
    await cli.waitForOutput(/^\d+\/40 done/m);
    cli.child.kill('SIGTERM');
    const stopped = await cli.done;
    expect(stopped.code, stopped.stdout + stopped.stderr).toBe(143);
    expect(stopped.stderr).toMatch(/Stopped before the import finished \(\d+ photo\(s\) left\)\. Run the same command again to go on\./);
    expect(lastLine(stopped.stdout)).toMatch(/^Imported \d+, needs attention 0, already in the catalog 0\.$/);
    expect(existsSync(lockFile(library))).toBe(false);
    expect(jobStates(library).running ?? 0).toBe(0);
    const importedFirst = Number(lastLine(stopped.stdout).match(/Imported (\d+)/)?.[1]);
    expect(importedFirst).toBeLessThan(40);

    const rest = await runCli([shoot, '--library', library]);
    expect(rest.code).toBe(0);
    expect(lastLine(rest.stdout)).toBe(`Imported ${40 - importedFirst}, needs attention 0, already in the catalog ${importedFirst}.`);
  }, 30_000);
});
