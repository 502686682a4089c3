import { describe, expect, it } from 'vitest';
import { markupSchema } from '../../../../../shared/retouch/markup';
import { fromPixels } from '../../../../../shared/retouch/markup-geometry';
import { circleFromDrag, clampToSchema, extendDraft, isWorthKeeping, startDraft } from './draft';

const ctx = { id: 'm1', color: 'yellow' as const, scale: 0.25, imageWidth: 6000, pinNumber: 3 };
const size = { width: 6000, height: 4000 };

describe('drawing a markup', () => {
  it('sizes the marker from the screen: 5 px at 25 % zoom is 20 image pixels', () => {
    const draft = startDraft('freehand', { x: 10, y: 10 }, ctx);
    expect(draft).toMatchObject({ kind: 'freehand', size: 20, color: 'yellow' });
  });

  it('collects marker points, skipping ones less than half a screen pixel apart', () => {
    let draft = startDraft('freehand', { x: 0, y: 0 }, ctx);
    draft = extendDraft(draft, { x: 0, y: 0 }, { x: 1, y: 0 }, { scale: 0.25, square: false }); // 0.25 screen px: skipped
    draft = extendDraft(draft, { x: 0, y: 0 }, { x: 8, y: 0, pressure: 0.7 }, { scale: 0.25, square: false });
    expect(draft.kind === 'freehand' && draft.points).toEqual([
      { x: 0, y: 0 },
      { x: 8, y: 0, pressure: 0.7 },
    ]);
  });

  it('makes a circle that fills the dragged box, round with Shift, in any drag direction', () => {
    expect(circleFromDrag({ x: 100, y: 100 }, { x: 300, y: 200 }, false)).toEqual({ center: { x: 200, y: 150 }, rx: 100, ry: 50 });
    expect(circleFromDrag({ x: 300, y: 200 }, { x: 100, y: 100 }, false)).toEqual({ center: { x: 200, y: 150 }, rx: 100, ry: 50 });
    expect(circleFromDrag({ x: 100, y: 100 }, { x: 300, y: 200 }, true)).toEqual({ center: { x: 200, y: 200 }, rx: 100, ry: 100 });
  });

  it('gives a pin the next number and moves it while the button is held', () => {
    const draft = extendDraft(startDraft('pin', { x: 5, y: 5 }, ctx), { x: 5, y: 5 }, { x: 50, y: 60 }, { scale: 1, square: false });
    expect(draft).toMatchObject({ kind: 'pin', n: 3, at: { x: 50, y: 60 } });
  });

  it('drops a click with the arrow or circle tool, keeps a real gesture', () => {
    const arrow = startDraft('arrow', { x: 0, y: 0 }, ctx);
    expect(isWorthKeeping(arrow, 0.25)).toBe(false);
    expect(isWorthKeeping(extendDraft(arrow, { x: 0, y: 0 }, { x: 40, y: 0 }, { scale: 0.25, square: false }), 0.25)).toBe(true);
    const circle = startDraft('circle', { x: 0, y: 0 }, ctx);
    expect(isWorthKeeping(circle, 1)).toBe(false);
    expect(isWorthKeeping(extendDraft(circle, { x: 0, y: 0 }, { x: 40, y: 30 }, { scale: 1, square: false }), 1)).toBe(true);
  });

  it('always yields a markup the schema accepts, even dragged far off the picture', () => {
    let draft = startDraft('arrow', { x: -9000, y: 100 }, ctx);
    draft = extendDraft(draft, { x: -9000, y: 100 }, { x: 20_000, y: 9000 }, { scale: 0.25, square: false });
    const markup = clampToSchema(fromPixels(draft, size));
    expect(markupSchema.safeParse(markup).success).toBe(true);
    expect(markup).toMatchObject({ from: { x: -0.5 }, to: { x: 1.5, y: 1.5 } });
  });
});
