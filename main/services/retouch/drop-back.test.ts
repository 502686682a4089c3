// Drop-back on a real catalog with real files, offline (no server): the edits dropped on the queue
// are matched by name to the tasks this person holds (delivery's matcher), then each pair is kept,
// checked by decoding it, recorded as the round's version and queued (upload, then the submit
// event) in one transaction; the view is in review at once with the version's review image ready;
// a damaged file is refused naming it and queues nothing; the difference overlay of the original
// and an edit with a painted rectangle finds that rectangle.
import { chmodSync, copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { TaskActor } from '../../../shared/retouch';
import { sharedImagesDir } from '../../../test/helpers/fixtures';
import { advance, BOB, hours, taskView } from '../catalog/retouch-test-support';
import { originalTopic } from './originals';
import { openRetouchLaptop } from './test-support/retouch-laptop';

const NOW = '2026-03-04T12:00:00.000Z';
const ME: TaskActor = { deviceId: 'this-computer', name: 'Anna', deviceName: 'Test laptop' };
const SOURCE = path.join(sharedImagesDir, 'orient-1-landscape.jpg');

async function laptopWithHeldTasks() {
  const laptop = openRetouchLaptop(null, 'Anna', { now: () => new Date(NOW) });
  const { catalog, dir } = laptop;
  const shootDir = path.join(dir, 'Shoot');
  mkdirSync(shootDir, { recursive: true });
  const original = path.join(shootDir, 'IMG_0412.jpg');
  copyFileSync(SOURCE, original);
  chmodSync(original, 0o644);
  const shoot = catalog.shoots.add({ path: shootDir, name: 'Shoot', kind: 'shoot' });
  const photo = catalog.photos.create({
    shootId: shoot.id,
    folder: shootDir,
    stem: 'IMG_0412',
    files: [{ path: original, role: 'primary', size: 1, mtimeMs: 1, fingerprint: null }],
  });
  const claim = (taskId: string, name: string, photoId: string, who = ME) =>
    advance(taskView({ taskId, name, photoId, orderId: 'o1' }), who, hours(NOW, -1), { type: 'claim', expiresAt: hours(NOW, 1) });
  catalog.retouch.putView(claim('t412', 'IMG_0412.jpg', photo.id));
  catalog.retouch.putView(claim('t413', 'IMG_0413.CR3', 'p413'));
  catalog.retouch.putView(claim('t414', 'IMG_0414.CR3', 'p414', BOB));
  laptop.retouch.feedApplied();
  const drop = path.join(dir, 'Edits');
  mkdirSync(drop, { recursive: true });
  // The edit: the original with a painted rectangle.
  const { width = 0, height = 0 } = await sharp(SOURCE).metadata();
  const box = { left: Math.round(width * 0.25), top: Math.round(height * 0.3), width: 80, height: 60 };
  const patch = await sharp({ create: { width: box.width, height: box.height, channels: 3, background: '#ff00ff' } })
    .png()
    .toBuffer();
  await sharp(SOURCE)
    .composite([{ input: patch, left: box.left, top: box.top }])
    .jpeg({ quality: 95 })
    .toFile(path.join(drop, 'IMG_0412-Edit.jpg'));
  writeFileSync(path.join(drop, 'IMG_0413-Edit.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3]));
  writeFileSync(path.join(drop, '.DS_Store'), 'junk');
  copyFileSync(SOURCE, path.join(drop, 'IMG_0414.jpg'));
  return { ...laptop, drop, box, width, height };
}

describe('drop-back', () => {
  it('matches dropped edits to the photos this person holds, as delivery matches them', async () => {
    const { retouch, drop } = await laptopWithHeldTasks();
    const preview = await retouch.dropPreview(undefined, [drop]);
    expect(preview.summary).toMatchObject({ matched: 2, extra: 1, missing: 0, ignored: 1 });
    expect(preview.rows.filter((r) => r.kind === 'matched').map((r) => [r.photo.photoId, r.file.name])).toEqual([
      ['t412', 'IMG_0412-Edit.jpg'],
      ['t413', 'IMG_0413-Edit.jpg'],
    ]);
    // Bob's photo is matched only when the tasks are named (and then refused at submit).
    const named = await retouch.dropPreview(['t414'], [drop]);
    expect(named.rows.filter((r) => r.kind === 'matched').map((r) => r.photo.photoId)).toEqual(['t414']);
    expect(() => retouch.submit([{ taskId: 't414', path: path.join(drop, 'IMG_0414.jpg') }])).toThrow(
      /^IMG_0414.CR3: Bob is working on this photo/,
    );
    expect(() =>
      retouch.submit([
        { taskId: 't412', path: path.join(drop, 'IMG_0412-Edit.jpg') },
        { taskId: 't412', path: path.join(drop, 'IMG_0414.jpg') },
      ]),
    ).toThrow(/Two files are matched to IMG_0412.jpg/);
  });

  it('sends each good edit to review offline (kept, recorded, upload then submit queued) and refuses a damaged one by name', async () => {
    const laptop = await laptopWithHeldTasks();
    const { retouch, catalog, drop } = laptop;
    const edit = path.join(drop, 'IMG_0412-Edit.jpg');
    const { jobId, done } = retouch.submit([
      { taskId: 't412', path: edit },
      { taskId: 't413', path: path.join(drop, 'IMG_0413-Edit.jpg') },
    ]);
    await expect(done).rejects.toThrow(/IMG_0413-Edit\.jpg/);
    expect(laptop.job(jobId)).toMatchObject({
      kind: 'retouch.submit',
      state: 'failed',
      done: 2,
      total: 2,
      error: expect.stringMatching(/IMG_0413-Edit\.jpg/),
    });

    const rows = catalog.outbox.byTopic('retouch:t412', 'pending');
    expect(rows.map((r) => [r.kind, r.path])).toEqual([
      ['upload', '/v1/uploads'],
      ['request', '/v1/retouch/tasks/t412/events'],
    ]);
    const [version] = catalog.retouch.versions('t412');
    expect(version).toMatchObject({ round: 1, path: edit, name: 'IMG_0412-Edit.jpg', width: laptop.width, height: laptop.height });
    expect(existsSync(version?.file as string)).toBe(true);
    expect(rows[0]?.body).toMatchObject({ file: version?.file, sha256: version?.sha256 });
    expect(rows[1]?.body).toEqual({
      type: 'submit',
      by: 'Anna',
      version: { sha256: version?.sha256, name: 'IMG_0412-Edit.jpg', size: version?.size, width: laptop.width, height: laptop.height },
    });
    expect(catalog.outbox.byTopic('retouch:t413', 'pending')).toEqual([]);
    expect(catalog.retouch.versions('t413')).toEqual([]);

    const shown = retouch.get('t412');
    expect(shown.view.task.state).toBe('in_review');
    expect(shown.row).toMatchObject({ pending: true, mine: false });
    expect(shown.versions).toEqual([{ round: 1, slot: { status: 'ready', image: expect.objectContaining({ width: laptop.width }) } }]);
    expect(shown.actions.find((a) => a.action === 'approve')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/someone else/),
    });
    // Sent again while waiting for review: the machine's sentence.
    expect(() => retouch.submit([{ taskId: 't412', path: edit }])).toThrow(/already waiting for review/);

    // The original is this laptop's own file: its review image is prepared in the background.
    expect(shown.original.status).toMatch(/preparing|ready/);
    await retouch.idle();
    const ready = retouch.get('t412');
    expect(ready.original).toMatchObject({ status: 'ready', image: { width: laptop.width, height: laptop.height } });
    expect(ready.originalPath).toMatch(/IMG_0412\.jpg$/);
    expect(laptop.changed.flat()).toContain('t412');

    const diff = await retouch.diff({ taskId: 't412', before: 0, after: 1, threshold: 24 });
    if (diff.kind !== 'overlay') throw new Error(`no overlay: ${diff.kind}`);
    expect(diff.overlay).toMatch(/^retouch\/diff\//);
    expect(existsSync(path.join(laptop.mediaDir, diff.overlay))).toBe(true);
    const { box } = laptop;
    expect(diff.box?.left).toBeGreaterThanOrEqual(box.left - 8);
    expect(diff.box?.top).toBeGreaterThanOrEqual(box.top - 8);
    expect((diff.box?.left ?? 0) + (diff.box?.width ?? 0)).toBeLessThanOrEqual(box.left + box.width + 8);
    expect((diff.box?.top ?? 0) + (diff.box?.height ?? 0)).toBeLessThanOrEqual(box.top + box.height + 8);
    await expect(retouch.diff({ taskId: 't412', before: 0, after: 2, threshold: 24 })).rejects.toThrow(/no round 2/);
    await retouch.close();
  });

  it('offers this laptop’s originals again when the service starts (an upload never queued before a quit)', async () => {
    const laptop = openRetouchLaptop(null, 'Anna', { now: () => new Date(NOW) });
    const folder = path.join(laptop.dir, 'Shoot');
    mkdirSync(folder);
    const file = path.join(folder, 'IMG_0500.jpg');
    copyFileSync(SOURCE, file);
    chmodSync(file, 0o644);
    const shoot = laptop.catalog.shoots.add({ path: folder, name: 'Shoot', kind: 'shoot' });
    const photo = laptop.catalog.photos.create({
      shootId: shoot.id,
      folder,
      stem: 'IMG_0500',
      files: [{ path: file, role: 'primary', size: 1, mtimeMs: 1, fingerprint: null }],
    });
    // Stored as a feed page leaves it, but never followed up (the app quit meanwhile).
    laptop.catalog.retouch.putView(taskView({ taskId: 't500', name: 'IMG_0500.jpg', photoId: photo.id }));
    expect(laptop.catalog.outbox.byTopic(originalTopic(photo.id), 'pending')).toEqual([]);
    laptop.retouch.start();
    const deadline = Date.now() + 5000;
    while (laptop.catalog.outbox.byTopic(originalTopic(photo.id), 'pending').length < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(laptop.catalog.outbox.byTopic(originalTopic(photo.id), 'pending').map((r) => r.kind)).toEqual(['upload', 'request']);
  });
});
