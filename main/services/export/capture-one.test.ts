import { describe, expect, test } from 'vitest';
import { buildSelection } from './build-selection';
import { captureOnePlan } from './capture-one';
import { photo } from './test-support';

describe('captureOnePlan', () => {
  test('a green label in the sidecar of each RAW; JPEG-only photos named for the copy route', () => {
    const selection = buildSelection(
      [
        photo('IMG_2.CR3', { favourite: true, rating: 3, files: [{ path: '/s/IMG_2.CR3', role: 'raw' }] }),
        photo('IMG_1.jpg', { favourite: true }),
      ],
      'favourites',
    );
    const plan = captureOnePlan(selection);
    expect(plan.label).toBe('green');
    expect(plan.sidecars.items).toEqual([{ photoId: 'id-IMG_2.CR3', rawPath: '/s/IMG_2.CR3', rating: undefined, label: 'green' }]);
    expect(plan.jpegOnly).toEqual(['IMG_1.jpg']);
    expect(plan.list).toBe('IMG_1.jpg\nIMG_2.CR3\n');
  });
});
