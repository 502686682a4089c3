// The client's selection read from a real catalog: orders across galleries with their numbers,
// favourites and basket, names from the galleries, files and flags from this computer.
import { describe, expect, it } from 'vitest';
import { buildSelection } from '../export';
import { clientSelection } from './client-selection';
import { exportFixture, serverOrder, withActivity } from './export-test-support';

describe("a client's selection from the catalog", () => {
  it('gathers every order of every gallery of the client, each photo once with all its order numbers', async () => {
    const f = withActivity(await exportFixture());
    const { photos } = clientSelection(f.catalog, f.client.id);
    const byName = Object.fromEntries(photos.map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(['DSC_0042.NEF', 'IMG_1.CR3', 'IMG_10.JPG', 'IMG_2.CR3']);
    expect(byName['IMG_1.CR3']).toMatchObject({
      photoId: f.photos.img1.id,
      orderNumbers: ['2026-0001', '2026-0002'],
      favourite: false,
      inBasket: false,
      rating: 4,
      colorLabel: 'red',
      files: expect.arrayContaining([
        { path: f.photos.img1.files[0], role: 'raw' },
        { path: f.photos.img1.files[1], role: 'jpeg' },
      ]),
    });
    expect(byName['IMG_1.CR3']?.files).toHaveLength(2);
    // Ordered in the second gallery, hearted in the first.
    expect(byName['IMG_2.CR3']).toMatchObject({ orderNumbers: ['2026-0003'], favourite: true, rating: 2, colorLabel: null });
    expect(byName['IMG_10.JPG']).toMatchObject({ orderNumbers: ['2026-0001'], inBasket: true });
    // Not on this computer: no files, the flags the other laptop gave it.
    expect(byName['DSC_0042.NEF']).toMatchObject({ files: [], rating: 5, colorLabel: 'blue', orderNumbers: ['2026-0002'] });
    // Another client's order is not theirs.
    expect(photos.some((p) => p.name === 'IMG_11.JPG')).toBe(false);
  });

  it('feeds buildSelection for each source', async () => {
    const f = withActivity(await exportFixture());
    const { photos } = clientSelection(f.catalog, f.client.id);
    expect(buildSelection(photos, 'orders').names).toEqual(['DSC_0042.NEF', 'IMG_1.CR3', 'IMG_2.CR3', 'IMG_10.JPG']);
    expect(buildSelection(photos, 'favourites').stems).toEqual(['IMG_2']);
    expect(buildSelection(photos, 'basket').stems).toEqual(['IMG_10']);
  });

  it("knows every stem of the client's shoots, picked or not", async () => {
    const f = withActivity(await exportFixture());
    const selection = clientSelection(f.catalog, f.client.id);
    expect(selection.shootStems.sort()).toEqual(['DSC_0042', 'IMG_1', 'IMG_10', 'IMG_11', 'IMG_2']);
    expect(selection.shootFolders).toEqual([f.shootDir]);
  });

  it('leaves out a cancelled order, and a client without activity has nothing', async () => {
    const f = await exportFixture();
    expect(clientSelection(f.catalog, f.client.id).photos).toEqual([]);
    const order = serverOrder('g1', 'o9', '2026-0009', [f.photos.img1.id]);
    const flow = { ...order.flow, state: 'cancelled' as const, cancellation: { at: order.placedAt, reason: 'Changed her mind' } };
    f.feed('g1', 'order.updated', { order: { ...order, state: 'cancelled', flow } });
    expect(clientSelection(f.catalog, f.client.id).photos).toEqual([]);
    expect(clientSelection(f.catalog, 'nobody')).toEqual({ photos: [], shootStems: [], shootFolders: [] });
  });
});
