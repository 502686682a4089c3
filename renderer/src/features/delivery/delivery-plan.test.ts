import { describe, expect, it } from 'vitest';
import { matchDelivery } from '../../../../shared/delivery';
import type { JobProgress } from '../../../../shared/schemas/jobs';
import { type DeliveryPreview, noChoices, planDelivery, sendBlocker, sendPhase } from './delivery-plan';

const ordered = [
  { photoId: 'p1', name: 'IMG_0412.CR3', folder: '/shoot/a' },
  { photoId: 'p2', name: 'IMG_0413.CR3', folder: '/shoot/a' },
  { photoId: 'p3', name: 'IMG_0414.CR3', folder: '/shoot/a' },
  { photoId: 'p4', name: 'DSC_1000.NEF', folder: '/shoot/cam' },
  { photoId: 'p5', name: 'DSC_1000.JPG', folder: '/shoot/cam' },
];

const preview = (...names: string[]): DeliveryPreview =>
  matchDelivery({ ordered, files: names.map((n) => ({ path: `/edits/${n}`, size: 1000 })) }) as DeliveryPreview;

const both = { full: true, web: true };

describe('planDelivery', () => {
  it('keeps the matched, extra and missing rows and turns the matched ones into pairs', () => {
    const plan = planDelivery(preview('IMG_0412-HDR-Edit.jpg', 'IMG_0413-Edit.jpg', 'IMG_0999-Edit.jpg', '._IMG_0412.jpg'), noChoices);
    expect(plan.matched.map((r) => [r.photo.name, r.file.name, r.via, r.suffix])).toEqual([
      ['IMG_0412.CR3', 'IMG_0412-HDR-Edit.jpg', 'edited', '-HDR-Edit'],
      ['IMG_0413.CR3', 'IMG_0413-Edit.jpg', 'edited', '-Edit'],
    ]);
    expect(plan.extra.map((r) => r.file.name)).toEqual(['IMG_0999-Edit.jpg']);
    expect(plan.missing.map((r) => r.photo.name)).toEqual(['IMG_0414.CR3', 'DSC_1000.NEF', 'DSC_1000.JPG']);
    expect(plan.pairs).toEqual([
      { photoId: 'p1', path: '/edits/IMG_0412-HDR-Edit.jpg' },
      { photoId: 'p2', path: '/edits/IMG_0413-Edit.jpg' },
    ]);
    expect(plan.summary).toEqual({ matched: 2, extra: 1, missing: 3, ambiguous: 0, ignored: 1 });
    expect(sendBlocker(plan, both)).toBeNull();
  });

  it('asks for every file of an ambiguous group, then sends it as the chosen photo or not at all', () => {
    const dropped = preview('DSC_1000-Edit.jpg', 'IMG_0412.jpg');
    const open = planDelivery(dropped, noChoices);
    expect(open.ambiguous).toHaveLength(1);
    expect(open.ambiguous[0]?.photos.map((p) => p.name)).toEqual(['DSC_1000.NEF', 'DSC_1000.JPG']);
    expect(open.unanswered).toBe(1);
    expect(open.summary.ambiguous).toBe(1);
    expect(sendBlocker(open, both)).toBe('unanswered');

    const chosen = planDelivery(dropped, { ambiguous: { '/edits/DSC_1000-Edit.jpg': 'p5' }, hinted: {} });
    expect(chosen.unanswered).toBe(0);
    expect(chosen.summary.ambiguous).toBe(0);
    // The group stays on screen (the answer can change); the file now goes as DSC_1000.JPG.
    expect(chosen.ambiguous).toHaveLength(1);
    expect(chosen.matched.map((r) => [r.photo.name, r.via])).toEqual([
      ['IMG_0412.CR3', 'exact'],
      ['DSC_1000.JPG', 'chosen'],
    ]);
    expect(chosen.missing.map((r) => r.photo.name)).toEqual(['IMG_0413.CR3', 'IMG_0414.CR3', 'DSC_1000.NEF']);

    const skipped = planDelivery(dropped, { ambiguous: { '/edits/DSC_1000-Edit.jpg': null }, hinted: {} });
    expect(skipped.extra.map((r) => [r.file.name, r.key])).toEqual([['DSC_1000-Edit.jpg', 'delivery.match.extra.not_chosen']]);
    expect(skipped.pairs).toEqual([{ photoId: 'p1', path: '/edits/IMG_0412.jpg' }]);
  });

  it('sends an extra file as the missing photo its hint names, when asked', () => {
    const dropped = preview('IMG_0412.jpg', 'IMG0414-Edit.jpg');
    const plain = planDelivery(dropped, noChoices);
    expect(plain.extra[0]?.hint?.name).toBe('IMG_0414.CR3');
    const hinted = planDelivery(dropped, { ambiguous: {}, hinted: { '/edits/IMG0414-Edit.jpg': 'p3' } });
    expect(hinted.extra).toEqual([]);
    expect(hinted.matched.map((r) => [r.photo.name, r.file.name, r.via, r.reason])).toEqual([
      ['IMG_0412.CR3', 'IMG_0412.jpg', 'exact', 'Same name as the ordered photo IMG_0412.CR3.'],
      ['IMG_0414.CR3', 'IMG0414-Edit.jpg', 'chosen', 'You chose this file for IMG_0414.CR3.'],
    ]);
    expect(hinted.missing.map((r) => r.photo.name)).not.toContain('IMG_0414.CR3');
    // A hint to a photo that already has its file changes nothing.
    const taken = planDelivery(preview('IMG_0414.jpg', 'IMG0414-Edit.jpg'), { ambiguous: {}, hinted: { '/edits/IMG0414-Edit.jpg': 'p3' } });
    expect(taken.extra.map((r) => r.file.name)).toEqual(['IMG0414-Edit.jpg']);
    expect(taken.pairs).toHaveLength(1);
  });

  it('refuses two files for one photo until one is left out', () => {
    const dropped = preview('IMG_0412-Edit.jpg', 'IMG_0412 copy.jpg');
    const open = planDelivery(dropped, noChoices);
    expect(open.ambiguous[0]?.files).toHaveLength(2);
    const twice = planDelivery(dropped, {
      ambiguous: { '/edits/IMG_0412-Edit.jpg': 'p1', '/edits/IMG_0412 copy.jpg': 'p1' },
      hinted: {},
    });
    expect(twice.chosenTwice).toEqual(['IMG_0412.CR3']);
    expect(sendBlocker(twice, both)).toBe('chosenTwice');
    const one = planDelivery(dropped, { ambiguous: { '/edits/IMG_0412-Edit.jpg': 'p1', '/edits/IMG_0412 copy.jpg': null }, hinted: {} });
    expect(one.chosenTwice).toEqual([]);
    expect(one.pairs).toEqual([{ photoId: 'p1', path: '/edits/IMG_0412-Edit.jpg' }]);
  });

  it('needs a file and at least one set', () => {
    const nothing = planDelivery(preview('IMG_0999.jpg'), noChoices);
    expect(sendBlocker(nothing, both)).toBe('nothing');
    const one = planDelivery(preview('IMG_0412.jpg'), noChoices);
    expect(sendBlocker(one, { full: false, web: false })).toBe('noSet');
    expect(sendBlocker(one, { full: false, web: true })).toBeNull();
  });
});

describe('sendPhase', () => {
  const job = (state: JobProgress['state']): JobProgress => ({ jobId: 'j', kind: 'delivery.files', state, done: 1, total: 2 });
  const progress = (files: number, pendingChanges: number) => ({ files, pendingChanges, sentBytes: 0, totalBytes: 10 });

  it('goes from making the files to uploading to uploaded', () => {
    expect(sendPhase({ job: null, started: false, progress: progress(0, 0), cancelled: false })).toBe('idle');
    expect(sendPhase({ job: null, started: true, progress: progress(0, 0), cancelled: false })).toBe('making');
    expect(sendPhase({ job: job('running'), started: true, progress: progress(4, 3), cancelled: false })).toBe('making');
    expect(sendPhase({ job: job('done'), started: true, progress: progress(4, 3), cancelled: false })).toBe('uploading');
    expect(sendPhase({ job: job('done'), started: true, progress: progress(4, 0), cancelled: false })).toBe('uploaded');
    // Opened later: what the catalog holds.
    expect(sendPhase({ job: null, started: false, progress: progress(4, 2), cancelled: false })).toBe('uploading');
  });

  it('says when making the files failed or sending was cancelled', () => {
    expect(sendPhase({ job: job('failed'), started: true, progress: progress(0, 0), cancelled: false })).toBe('failed');
    expect(sendPhase({ job: job('done'), started: true, progress: progress(4, 0), cancelled: true })).toBe('cancelled');
  });
});
