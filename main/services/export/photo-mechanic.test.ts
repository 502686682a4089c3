import { describe, expect, test } from 'vitest';
import { buildSelection } from './build-selection';
import { photoMechanicPlan, photoMechanicPlusQuery } from './photo-mechanic';
import { photo } from './test-support';

describe('Photo Mechanic', () => {
  test('Plus search text: full names in quotes, natural order, joined by OR', () => {
    expect(photoMechanicPlusQuery(['IMG_10.CR3', 'IMG_1.CR3', 'IMG_2.CR3', 'Ślub "A" 1.jpg'])).toBe(
      '"IMG_1.CR3" OR "IMG_2.CR3" OR "IMG_10.CR3" OR "Ślub \\"A\\" 1.jpg"',
    );
  });

  test('the plan: RAW and JPEG names of every photo, 5 stars in the sidecars', () => {
    const selection = buildSelection(
      [
        photo('IMG_1.CR3', {
          inBasket: true,
          files: [
            { path: '/s/IMG_1.CR3', role: 'raw' },
            { path: '/s/IMG_1.JPG', role: 'jpeg' },
            { path: '/s/IMG_1.xmp', role: 'sidecar' },
          ],
        }),
      ],
      'basket',
    );
    const plan = photoMechanicPlan(selection);
    expect(plan.plusQuery).toBe('"IMG_1.CR3" OR "IMG_1.JPG"');
    expect(plan.sidecars.items).toEqual([{ photoId: 'id-IMG_1.CR3', rawPath: '/s/IMG_1.CR3', rating: 5, label: undefined }]);
  });
});
