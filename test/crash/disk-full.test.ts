// The disk fills up during an import (issue 4 point 10). The variant cache is put on a 1 MiB
// tmpfs mounted in a private mount namespace (`unshare --user --mount`: no root, nothing
// visible outside this one process tree, gone when it exits), so libvips' writes really fail
// with ENOSPC. Expected: importing pauses with a clear message, the command exits 1, no photo
// is wrongly called damaged, no job is left running; once there is room the next run finishes.
import { execFileSync, spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { builtIngest, lastLine, makeSmallImages, runCli } from '../../main/cli/test-support';
import { createLibraryService } from '../../main/services/library';
import { createPreferences } from '../../main/services/settings';
import { makeTempDir } from '../helpers/temp-dir';
import { auditLibrary } from './audit-library';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir('proofdesk-disk-full-');
});
afterAll(() => temp.cleanup());

/** Runs the command with <library>/variants on a tiny tmpfs; what the tmpfs held is copied to `keep`. */
function runOnTinyDisk(args: string[], variants: string, keep: string) {
  const script = [
    'set -u',
    'mount -t tmpfs -o size=1m proofdesk-test "$VARIANTS" || exit 99',
    '"$NODE" "$CLI" "$@"; rc=$?',
    // The tmpfs vanishes with the namespace: keep its files, as a real full disk would.
    'cp -a "$VARIANTS/." "$KEEP/"',
    'exit $rc',
  ].join('\n');
  return spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script, 'sh', ...args], {
    encoding: 'utf8',
    env: { ...process.env, VARIANTS: variants, KEEP: keep, NODE: process.execPath, CLI: builtIngest },
  });
}

it('pauses with a clear message when the disk fills, marks nothing damaged, and finishes once there is room', async () => {
  const shoot = path.join(temp.dir, 'card');
  const library = path.join(temp.dir, 'lib');
  const keep = path.join(temp.dir, 'kept-variants');
  const images = await makeSmallImages(shoot, 30);
  const service = createLibraryService({ prefs: createPreferences({ store: {} }), now: () => new Date(), onChange: () => undefined });
  await service.create({ path: library, name: 'Studio' });
  await service.close();
  await fs.mkdir(keep);

  const full = runOnTinyDisk([shoot, '--library', library], path.join(library, 'variants'), keep);
  expect(full.status, `${full.stdout}\n${full.stderr}`).toBe(1);
  expect(full.stderr).toMatch(/The disk holding the library is full, so importing is paused\./);
  expect(full.stderr).toMatch(
    /(\d+) photo\(s\) could not be processed yet \(see the message above\)\. Fix that, then run the same command again/,
  );
  const db = new Database(path.join(library, 'catalog.sqlite'), { readonly: true });
  const statuses: Record<string, number> = { ready: 0, importing: 0, needs_attention: 0 };
  const rows = db.prepare('SELECT status, count(*) AS n FROM photos GROUP BY status').all() as { status: string; n: number }[];
  for (const row of rows) statuses[row.status] = row.n;
  const running = db.prepare("SELECT count(*) FROM jobs WHERE state = 'running'").pluck().get();
  db.close();
  expect(statuses.needs_attention).toBe(0);
  expect(statuses.importing).toBeGreaterThan(0);
  expect((statuses.ready ?? 0) + (statuses.importing ?? 0)).toBe(30);
  expect(running).toBe(0);
  expect(lastLine(full.stdout)).toBe(`Imported ${statuses.ready}, needs attention 0, already in the catalog 0.`);

  // Room again: what the full disk held is still there, and the next run finishes the rest.
  execFileSync('cp', ['-a', `${keep}/.`, path.join(library, 'variants')]);
  const rest = await runCli([shoot, '--library', library]);
  expect(rest.code, rest.stderr).toBe(0);
  expect(lastLine(rest.stdout)).toBe(`Imported ${statuses.importing}, needs attention 0, already in the catalog ${statuses.ready}.`);
  const audit = await auditLibrary(library, images);
  expect(audit.problems).toEqual([]);
}, 60_000);
