// The export runner on a real catalog and real temp folders: previews per source, text for the
// filters, files saved without replacing anything, sidecars merged next to the RAW files and
// copies of the originals as jobs with progress and cancel.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportRunInput } from '../../../shared/schemas/export-desk';
import type { JobProgress } from '../../../shared/schemas/jobs';
import { tempDir } from '../catalog/test-support';
import { readRatingLabel } from '../export';
import { createExportRunner, type RunExportInput } from './export-runner';
import { exportFixture, withActivity } from './export-test-support';

async function setup() {
  const f = withActivity(await exportFixture());
  const progress: JobProgress[] = [];
  const runner = createExportRunner({ catalog: f.catalog, events: { job: (p) => progress.push(p) }, progressEveryMs: 0 });
  const run = (input: Omit<RunExportInput, 'clientId' | 'options'> & { options?: RunExportInput['options'] }) =>
    runner.run(exportRunInput.parse({ clientId: f.client.id, ...input }));
  return { ...f, runner, progress, run, out: tempDir() };
}

describe('export runner', () => {
  it('lists every program with its numbered steps and evidence', async () => {
    const { runner } = await setup();
    const targets = runner.targets();
    expect(targets.map((t) => t.id)).toEqual([
      'lightroom-filter',
      'lightroom-smart-collection',
      'capture-one',
      'photo-mechanic',
      'list-csv',
      'xmp-sidecars',
      'copy-originals',
    ]);
    for (const t of targets) expect(t.steps.length).toBeGreaterThan(1);
  });

  it('previews each source: counts, names, prefix warnings, photos not on this computer, photos without RAW', async () => {
    const { runner, client } = await setup();
    const orders = await runner.preview({ clientId: client.id, source: 'orders' });
    expect(orders).toMatchObject({
      counts: { orders: 4, favourites: 1, basket: 1 },
      count: 4,
      names: ['DSC_0042.NEF', 'IMG_1.CR3', 'IMG_2.CR3', 'IMG_10.JPG'],
      stems: ['DSC_0042', 'IMG_1', 'IMG_2', 'IMG_10'],
      notOnComputer: ['DSC_0042.NEF'],
      withoutRaw: ['IMG_10.JPG'],
      empty: null,
      prefixRemedy: { key: 'export.lightroom.prefixRemedy' },
      // Photos of both galleries: the collection is named after the client only.
      collection: { title: 'Anna Nowak', fileName: 'Anna Nowak.lrsmcol' },
    });
    expect(orders.prefixWarnings).toEqual([
      expect.objectContaining({
        stem: 'IMG_1',
        inSelection: ['IMG_10'],
        outsideSelection: ['IMG_11'],
        key: 'export.lightroom.prefixWarning',
      }),
    ]);
    const basket = await runner.preview({ clientId: client.id, source: 'basket' });
    expect(basket).toMatchObject({ count: 1, names: ['IMG_10.JPG'], prefixWarnings: [], prefixRemedy: null });
    expect(basket.collection).toEqual({ title: 'Anna Nowak – Nowak wedding', fileName: 'Anna Nowak – Nowak wedding.lrsmcol' });
  });

  it('says why there is nothing to export, and refuses to run an empty export', async () => {
    const f = await exportFixture();
    const runner = createExportRunner({ catalog: f.catalog, events: { job: () => {} } });
    const preview = await runner.preview({ clientId: f.client.id, source: 'favourites' });
    expect(preview).toMatchObject({ count: 0, counts: { orders: 0, favourites: 0, basket: 0 } });
    expect(preview.empty).toEqual({
      key: 'export.empty.favourites',
      params: { name: 'Anna Nowak' },
      text: 'The client has not marked any favourites yet.',
    });
    await expect(
      runner.run(exportRunInput.parse({ clientId: f.client.id, source: 'favourites', target: 'lightroom-filter' })),
    ).rejects.toThrow('The client has not marked any favourites yet.');
    await expect(runner.preview({ clientId: 'nobody', source: 'orders' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('gives the Lightroom filter text with the prefix warning, or whole names without it', async () => {
    const { run } = await setup();
    const stems = await run({ source: 'orders', target: 'lightroom-filter' });
    expect(stems).toMatchObject({ kind: 'text', count: 4, text: 'DSC_0042, IMG_1, IMG_2, IMG_10' });
    if (stems.kind !== 'text') throw new Error('text expected');
    expect(stems.warnings.map((w) => w.stem)).toEqual(['IMG_1']);
    expect(stems.remedy?.key).toBe('export.lightroom.prefixRemedy');
    expect(stems.steps.map((s) => s.key)).toEqual([1, 2, 3, 4, 5].map((n) => `export.lightroomFilter.step${n}`));
    const whole = await run({ source: 'orders', target: 'lightroom-filter', options: { withExtension: true } });
    expect(whole).toMatchObject({ kind: 'text', text: 'DSC_0042.NEF, IMG_1.CR3, IMG_2.CR3, IMG_10.JPG', warnings: [], remedy: null });
  });

  it('gives the Photo Mechanic Plus search text with every file of each photo', async () => {
    const { run } = await setup();
    const result = await run({ source: 'orders', target: 'photo-mechanic' });
    expect(result).toMatchObject({
      kind: 'text',
      text: '"DSC_0042.NEF" OR "IMG_1.CR3" OR "IMG_1.JPG" OR "IMG_2.CR3" OR "IMG_10.JPG"',
    });
    if (result.kind !== 'text') throw new Error('text expected');
    expect(result.steps.find((s) => s.key === 'export.photoMechanic.plain1')).toMatchObject({ params: { rating: 5 } });
  });

  it('saves the smart collection without replacing a file that is there: "name (2).lrsmcol"', async () => {
    const { run, out } = await setup();
    await fs.writeFile(path.join(out, 'Anna Nowak.lrsmcol'), 'mine');
    const first = await run({ source: 'orders', target: 'lightroom-smart-collection', folder: out });
    expect(first).toMatchObject({
      kind: 'file',
      count: 4,
      fileName: 'Anna Nowak (2).lrsmcol',
      path: path.join(out, 'Anna Nowak (2).lrsmcol'),
    });
    expect(await fs.readFile(path.join(out, 'Anna Nowak.lrsmcol'), 'utf8')).toBe('mine');
    const text = await fs.readFile(path.join(out, 'Anna Nowak (2).lrsmcol'), 'utf8');
    for (const name of ['DSC_0042.NEF', 'IMG_1.CR3', 'IMG_1.JPG', 'IMG_2.CR3', 'IMG_10.JPG']) expect(text).toContain(`value = "${name}"`);
    expect(text).toContain('title = "Anna Nowak"');
    if (first.kind !== 'file') throw new Error('file expected');
    expect(first.steps[0]).toMatchObject({ text: 'Save the file Anna Nowak (2).lrsmcol where you can find it.' });
    const second = await run({ source: 'orders', target: 'lightroom-smart-collection', folder: out });
    expect(second).toMatchObject({ fileName: 'Anna Nowak (3).lrsmcol' });
    // Nothing half-written is left behind.
    expect((await fs.readdir(out)).sort()).toEqual(['Anna Nowak (2).lrsmcol', 'Anna Nowak (3).lrsmcol', 'Anna Nowak.lrsmcol']);
  });

  it('saves the list and the CSV, and asks for a whole folder path', async () => {
    const { run, out } = await setup();
    const list = await run({ source: 'basket', target: 'list-csv', folder: out });
    expect(list).toMatchObject({ kind: 'file', fileName: 'Anna Nowak – Nowak wedding.txt' });
    expect(await fs.readFile(path.join(out, 'Anna Nowak – Nowak wedding.txt'), 'utf8')).toBe('IMG_10.JPG\n');
    const csv = await run({ source: 'orders', target: 'list-csv', folder: out, options: { format: 'csv' } });
    if (csv.kind !== 'file') throw new Error('file expected');
    const rows = (await fs.readFile(csv.path, 'utf8')).split('\r\n');
    expect(rows[0]).toBe('\uFEFFname,stem,photo id,ordered in,favourite,in basket,rating,label');
    expect(rows.find((r) => r.startsWith('IMG_1.CR3'))).toMatch(/,2026-0001; 2026-0002,no,no,4,Red$/);
    await expect(run({ source: 'orders', target: 'list-csv' })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { folder: 'Choose the folder to save the list in.' },
    });
    await expect(run({ source: 'orders', target: 'list-csv', folder: 'exports' })).rejects.toMatchObject({
      fields: { folder: expect.stringMatching(/^Give the whole path of the folder/) },
    });
  });

  it('writes XMP sidecars next to the RAW files with each photo’s rating and label, as a job', async () => {
    const { run, photos, shootDir, progress } = await setup();
    const result = await run({ source: 'orders', target: 'xmp-sidecars', jobId: 'job-1' });
    if (result.kind !== 'sidecars') throw new Error('sidecars expected');
    expect(result).toMatchObject({ jobId: 'job-1', cancelled: false });
    expect(result.counts).toMatchObject({ created: 2, skipped: 1, 'not-here': 1, failed: 0 });
    const byName = Object.fromEntries(result.results.map((r) => [r.name, r]));
    expect(byName['IMG_1.CR3']).toMatchObject({ status: 'created', path: path.join(shootDir, 'IMG_1.xmp'), photoId: photos.img1.id });
    expect(byName['IMG_10.JPG']).toMatchObject({ status: 'skipped', message: expect.stringMatching(/has no RAW file/) });
    expect(byName['DSC_0042.NEF']).toMatchObject({ status: 'not-here', message: expect.stringMatching(/not on this computer/) });
    expect(readRatingLabel(await fs.readFile(path.join(shootDir, 'IMG_1.xmp'), 'utf8'))).toEqual({ Rating: '4', Label: 'Red' });
    expect(readRatingLabel(await fs.readFile(path.join(shootDir, 'IMG_2.xmp'), 'utf8'))).toEqual({ Rating: '2' });
    expect(progress.filter((p) => p.jobId === 'job-1').map((p) => [p.kind, p.state, p.done, p.total])).toEqual([
      ['export', 'running', 0, 2],
      ['export', 'running', 1, 2],
      ['export', 'running', 2, 2],
      ['export', 'done', 2, 2],
    ]);
    // Again: the sidecars already say so.
    const again = await run({ source: 'orders', target: 'xmp-sidecars' });
    if (again.kind !== 'sidecars') throw new Error('sidecars expected');
    expect(again.counts).toMatchObject({ unchanged: 2, created: 0 });
  });

  it('writes one label or rating for all into a chosen folder; Capture One gets a green label', async () => {
    const { run, out, shootDir } = await setup();
    const folder = path.join(out, 'sidecars');
    const result = await run({ source: 'orders', target: 'xmp-sidecars', folder, options: { rating: 5, label: 'keep' } });
    expect(result).toMatchObject({ kind: 'sidecars', counts: { created: 2 } });
    expect(readRatingLabel(await fs.readFile(path.join(folder, 'IMG_1.xmp'), 'utf8'))).toEqual({ Rating: '5' });
    const c1 = await run({ source: 'orders', target: 'capture-one' });
    if (c1.kind !== 'sidecars') throw new Error('sidecars expected');
    expect(c1.steps[0]?.text).toMatch(/gets the label Green in its .xmp file/);
    expect(readRatingLabel(await fs.readFile(path.join(shootDir, 'IMG_2.xmp'), 'utf8'))).toEqual({ Label: 'Green' });
    const pm = await run({ source: 'favourites', target: 'photo-mechanic', options: { mode: 'sidecars', rating: 3 } });
    expect(pm).toMatchObject({ kind: 'sidecars', counts: { updated: 1 } });
    expect(readRatingLabel(await fs.readFile(path.join(shootDir, 'IMG_2.xmp'), 'utf8'))).toEqual({ Rating: '3', Label: 'Green' });
  });

  it('copies the originals, then says "already there"; a different file of the same name makes "IMG_1 (2)"', async () => {
    const { run, out, progress } = await setup();
    const folder = path.join(out, 'Anna');
    const first = await run({ source: 'orders', target: 'copy-originals', folder, jobId: 'copy-1' });
    if (first.kind !== 'copy') throw new Error('copy expected');
    expect(first.counts).toMatchObject({ copied: 4, 'already-there': 0, renamed: 0, failed: 0, 'not-here': 1 });
    expect((await fs.readdir(folder)).sort()).toEqual(['IMG_1.CR3', 'IMG_1.JPG', 'IMG_10.JPG', 'IMG_2.CR3']);
    expect(await fs.readFile(path.join(folder, 'IMG_1.CR3'), 'utf8')).toBe('IMG_1.CR3 bytes');
    expect(progress.filter((p) => p.jobId === 'copy-1').at(-1)).toMatchObject({ kind: 'export', state: 'done', done: 4, total: 4 });

    const second = await run({ source: 'orders', target: 'copy-originals', folder });
    if (second.kind !== 'copy') throw new Error('copy expected');
    expect(second.counts).toMatchObject({ copied: 0, 'already-there': 4 });

    await fs.rm(path.join(folder, 'IMG_1.JPG'));
    await fs.writeFile(path.join(folder, 'IMG_1.CR3'), 'someone else’s file');
    const third = await run({ source: 'orders', target: 'copy-originals', folder });
    if (third.kind !== 'copy') throw new Error('copy expected');
    expect(third.counts).toMatchObject({ renamed: 2, 'already-there': 2 });
    expect(third.results.filter((r) => r.status === 'renamed').map((r) => path.basename(r.target ?? ''))).toEqual([
      'IMG_1 (2).CR3',
      'IMG_1 (2).JPG',
    ]);
    expect(await fs.readFile(path.join(folder, 'IMG_1.CR3'), 'utf8')).toBe('someone else’s file');
  });

  it('refuses to copy into the shoot folder', async () => {
    const { run, shootDir } = await setup();
    await expect(run({ source: 'orders', target: 'copy-originals', folder: path.join(shootDir, 'for-editing') })).rejects.toThrow(
      /inside the shoot folder/,
    );
  });

  it('cancels a running copy: the rest is reported cancelled and a new run finishes it', async () => {
    const { runner, client, out, progress } = await setup();
    const folder = path.join(out, 'Anna');
    const running = runner.run(
      exportRunInput.parse({ clientId: client.id, source: 'orders', target: 'copy-originals', folder, jobId: 'copy-cancel' }),
    );
    expect(runner.cancel('copy-cancel')).toBe(true);
    const result = await running;
    if (result.kind !== 'copy') throw new Error('copy expected');
    expect(result.cancelled).toBe(true);
    expect(result.counts).toMatchObject({ copied: 0, cancelled: 4 });
    expect(progress.filter((p) => p.jobId === 'copy-cancel').at(-1)?.state).toBe('cancelled');
    expect(runner.cancel('copy-cancel')).toBe(false);
    const resumed = await runner.run(exportRunInput.parse({ clientId: client.id, source: 'orders', target: 'copy-originals', folder }));
    expect(resumed).toMatchObject({ kind: 'copy', cancelled: false, counts: { copied: 4 } });
  });
});
