// The retouch queue's local copy on a real catalog: the highest revision wins whichever way it
// comes (feed or answer), a task made here is replaced by the server's first view, the feed
// applies views with its cursor in one transaction, and the local tables keep versions, images
// and problems; switching servers forgets the old server's tasks but keeps the local files' rows.
import { describe, expect, it } from 'vitest';
import { retouchChangeType } from '../../../shared/schemas/retouch-api';
import { ANNA, advance, hours, taskView } from './retouch-test-support';
import { catalogWithOnePhoto } from './test-support';

const at = '2026-03-04T09:00:00.000Z';
const sha = (c: string) => c.repeat(64);

function feedEntry(seq: number, view: ReturnType<typeof taskView>) {
  return {
    seq,
    type: retouchChangeType,
    galleryId: view.photo.galleryId ?? '',
    at,
    payload: { view, by: { deviceId: 'server', deviceName: 'server' } },
  };
}

describe('catalog.retouch', () => {
  it('keeps the highest revision of a view, whether from the feed or an answer', () => {
    const { catalog } = catalogWithOnePhoto();
    const v1 = taskView({ taskId: 't1', orderId: 'o1' });
    const v2 = advance(v1, ANNA, hours(at, 1), { type: 'claim', expiresAt: hours(at, 3) });
    expect(catalog.retouch.putView(v2)).toBe(true);
    expect(catalog.retouch.putView(v1)).toBe(false);
    expect(catalog.retouch.view('t1')).toEqual(v2);
    expect(catalog.retouch.putView(v2)).toBe(false);
    expect(catalog.retouch.takeChanged()).toEqual(['t1']);
    expect(catalog.retouch.takeChanged()).toEqual([]);

    const page = catalog.activity.applyPage([feedEntry(1, v1), feedEntry(2, advance(v2, ANNA, hours(at, 2), { type: 'release' }))], 2);
    expect(page.touched).toEqual([{ kind: 'retouch', galleryId: 'g1' }]);
    expect(catalog.retouch.view('t1')).toMatchObject({ revision: 3, task: { state: 'to_do', lease: null } });
    expect(catalog.syncState.get().cursor).toBe(2);
    expect(catalog.retouch.takeChanged()).toEqual(['t1']);
    // A payload this version cannot read is kept in the timeline only; the feed goes on.
    const odd = catalog.activity.applyPage([{ seq: 3, type: retouchChangeType, galleryId: '', at, payload: { view: { task: 'x' } } }], 3);
    expect(odd).toMatchObject({ applied: 1, touched: [{ kind: 'other', galleryId: '' }] });
    expect(catalog.retouch.views().map((v) => v.task.id)).toEqual(['t1']);
  });

  it('shows a task made here until the server’s first view replaces it', () => {
    const { catalog } = catalogWithOnePhoto();
    const local = taskView({ taskId: 't2', brief: 'Made here' });
    catalog.retouch.putLocalView(local);
    expect(catalog.retouch.isLocal('t2')).toBe(true);
    catalog.retouch.putLocalView({ ...local, priority: 'urgent' });
    expect(catalog.retouch.view('t2')?.priority).toBe('normal');
    expect(catalog.retouch.putView({ ...local, priority: 'high' })).toBe(true);
    expect(catalog.retouch.isLocal('t2')).toBe(false);
    expect(catalog.retouch.view('t2')?.priority).toBe('high');
  });

  it('keeps versions dropped here, review images by sha256 and source, and one problem per task', () => {
    const { catalog } = catalogWithOnePhoto();
    const version = {
      taskId: 't1',
      round: 1,
      path: '/edits/IMG_1.tif',
      file: '/lib/v/a.tif',
      name: 'IMG_1.tif',
      sha256: sha('a'),
      size: 9,
      width: 60,
      height: 40,
    };
    catalog.retouch.recordVersion(version);
    catalog.retouch.recordVersion({ ...version, round: 2, sha256: sha('b'), path: '/edits/IMG_1-2.tif' });
    // The same round sent again after a refusal replaces the earlier file.
    catalog.retouch.recordVersion({ ...version, round: 2, sha256: sha('c') });
    expect(catalog.retouch.versions('t1').map((v) => [v.round, v.sha256])).toEqual([
      [1, sha('a')],
      [2, sha('c')],
    ]);
    expect(catalog.retouch.versionBySha(sha('a'))).toMatchObject({ round: 1, file: '/lib/v/a.tif' });
    expect(catalog.retouch.versionBySha(sha('b'))).toBeNull();

    catalog.retouch.putImage({
      sha256: sha('a'),
      source: '/shoot/IMG_1.CR3',
      screen: 'retouch/a-s.jpg',
      full: 'retouch/a-f.jpg',
      width: 60,
      height: 40,
    });
    catalog.retouch.putImage({
      sha256: sha('a'),
      source: null,
      screen: 'retouch/a-s2.jpg',
      full: 'retouch/a-f.jpg',
      width: 60,
      height: 40,
    });
    expect(catalog.retouch.image(sha('a'))).toMatchObject({ source: '/shoot/IMG_1.CR3', screen: 'retouch/a-s2.jpg' });
    expect(catalog.retouch.imageBySource('/shoot/IMG_1.CR3')?.sha256).toBe(sha('a'));
    expect(catalog.retouch.imageBySource('/elsewhere')).toBeNull();

    catalog.retouch.setProblem('t1', 'Refused once.', 4);
    catalog.retouch.setProblem('t1', 'Refused again.', 5);
    expect(catalog.retouch.problem('t1')).toMatchObject({ message: 'Refused again.', outboxSeq: 5 });
    catalog.retouch.clearProblem('t1');
    expect(catalog.retouch.problem('t1')).toBeNull();
  });

  it('forgets the old server’s tasks when the catalog moves to another server, and keeps the local files’ rows', () => {
    const { catalog } = catalogWithOnePhoto();
    catalog.syncState.bindServer('http://one.example', 'dev-a');
    catalog.retouch.putView(taskView({ taskId: 't1' }));
    catalog.retouch.setProblem('t1', 'Refused.', null);
    catalog.retouch.putImage({ sha256: sha('a'), source: null, screen: 'retouch/s.jpg', full: 'retouch/f.jpg', width: 1, height: 1 });
    catalog.syncState.bindServer('http://two.example', 'dev-a2');
    expect(catalog.retouch.views()).toEqual([]);
    expect(catalog.retouch.problem('t1')).toBeNull();
    expect(catalog.retouch.image(sha('a'))).not.toBeNull();
  });
});
