import { describe, expect, it } from 'vitest';
import { randomInt, seededRandom } from '../../../../../shared/test-support/seeded-random';
import {
  clampViewport,
  fitScale,
  fitViewport,
  imageToScreen,
  maxScale,
  needsFullSize,
  panBy,
  resizeViewport,
  screenToImage,
  stepZoom,
  type Viewport,
  wheelFactor,
  zoomAt,
} from './viewport';

const image = { width: 6000, height: 4000 };
const pane = { width: 1200, height: 600 };

describe('fit', () => {
  it('fits the longer constraint and centres the other axis', () => {
    const v = fitViewport(image, pane);
    expect(v.scale).toBeCloseTo(0.15); // 600 / 4000
    expect(v.y).toBeCloseTo(0);
    expect(v.x).toBeCloseTo((1200 - 900) / 2);
    expect(v.fitted).toBe(true);
  });

  it('enlarges a small image to fit and never divides by zero', () => {
    expect(fitScale({ width: 300, height: 200 }, pane)).toBe(3);
    expect(fitScale(image, { width: 0, height: 0 })).toBe(1);
  });
});

describe('zoom around a point', () => {
  it('keeps the image point under the cursor where it was (property)', () => {
    const rand = seededRandom(42);
    for (let i = 0; i < 500; i += 1) {
      const start = zoomAt(fitViewport(image, pane), 0.2 + rand() * 3.5, { x: rand() * 1200, y: rand() * 600 }, image, pane);
      const cursor = { x: rand() * pane.width, y: rand() * pane.height };
      const under = screenToImage(start, cursor);
      const next = zoomAt(start, start.scale * (0.5 + rand() * 1.5), cursor, image, pane);
      // Clamping may move the picture only where the cursor point would have left a gap at an edge.
      const shown = image.width * next.scale >= pane.width && image.height * next.scale >= pane.height;
      const unclampedX = cursor.x - under.x * next.scale;
      const unclampedY = cursor.y - under.y * next.scale;
      const inside =
        unclampedX <= 0 &&
        unclampedX >= pane.width - image.width * next.scale &&
        unclampedY <= 0 &&
        unclampedY >= pane.height - image.height * next.scale;
      if (shown && inside) {
        const after = imageToScreen(next, under);
        expect(after.x).toBeCloseTo(cursor.x, 6);
        expect(after.y).toBeCloseTo(cursor.y, 6);
      }
    }
  });

  it('zooms to 100 % around the centre of a fitted view exactly', () => {
    const fit = fitViewport(image, pane);
    const centre = { x: 600, y: 300 };
    const under = screenToImage(fit, centre);
    const actual = zoomAt(fit, 1, centre, image, pane);
    expect(actual.scale).toBe(1);
    expect(imageToScreen(actual, under).x).toBeCloseTo(600);
    expect(imageToScreen(actual, under).y).toBeCloseTo(300);
    expect(actual.fitted).toBe(false);
  });

  it('holds the scale between the fit and 400 %', () => {
    const fit = fitViewport(image, pane);
    expect(zoomAt(fit, 50, { x: 0, y: 0 }, image, pane).scale).toBe(maxScale);
    const out = zoomAt(fit, 0.001, { x: 0, y: 0 }, image, pane);
    expect(out.scale).toBeCloseTo(fit.scale);
    expect(out.fitted).toBe(true);
  });

  it('steps through the zoom levels up to 400 % and back to the fit', () => {
    let v = fitViewport(image, pane);
    const seen = [v.scale];
    for (let i = 0; i < 20; i += 1) {
      v = stepZoom(v, 1, image, pane);
      seen.push(v.scale);
    }
    expect(seen).toContain(1);
    expect(v.scale).toBe(4);
    for (let i = 0; i < 20; i += 1) v = stepZoom(v, -1, image, pane);
    expect(v.scale).toBeCloseTo(0.15);
    expect(v.fitted).toBe(true);
  });

  it('turns wheel deltas into a modest factor, in whichever unit they come', () => {
    expect(wheelFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelFactor(100, 0)).toBeLessThan(1);
    expect(wheelFactor(3, 1)).toBeCloseTo(wheelFactor(48, 0));
    expect(wheelFactor(-10_000, 0)).toBeCloseTo(wheelFactor(-100, 0));
  });
});

describe('clamping and panning', () => {
  it('never leaves a gap at an edge of a picture larger than the pane (property)', () => {
    const rand = seededRandom(9);
    for (let i = 0; i < 500; i += 1) {
      const size = { width: randomInt(rand, 100, 9000), height: randomInt(rand, 100, 9000) };
      const box = { width: randomInt(rand, 200, 2000), height: randomInt(rand, 200, 1400) };
      const v: Viewport = { scale: rand() * 5, x: (rand() - 0.5) * 20_000, y: (rand() - 0.5) * 20_000, fitted: false };
      const c = clampViewport(v, size, box);
      const w = size.width * c.scale;
      const h = size.height * c.scale;
      if (w > box.width) expect(c.x <= 1e-9 && c.x + w >= box.width - 1e-9).toBe(true);
      else expect(c.x).toBeCloseTo((box.width - w) / 2);
      if (h > box.height) expect(c.y <= 1e-9 && c.y + h >= box.height - 1e-9).toBe(true);
      else expect(c.y).toBeCloseTo((box.height - h) / 2);
      expect(c.scale).toBeLessThanOrEqual(maxScale);
    }
  });

  it('pans by the drag and stops at the edge', () => {
    const v = zoomAt(fitViewport(image, pane), 1, { x: 0, y: 0 }, image, pane);
    expect(v.x).toBe(0);
    expect(panBy(v, -100, -50, image, pane)).toMatchObject({ x: -100, y: -50 });
    expect(panBy(v, 500, 500, image, pane)).toMatchObject({ x: 0, y: 0 });
    expect(panBy(v, -1e6, -1e6, image, pane)).toMatchObject({ x: 1200 - 6000, y: 600 - 4000 });
  });

  it('on a resize, fits a fitted view again and keeps the centre of a zoomed one', () => {
    const bigger = { width: 1600, height: 900 };
    expect(resizeViewport(fitViewport(image, pane), image, pane, bigger)).toEqual(fitViewport(image, bigger));
    const zoomed = zoomAt(fitViewport(image, pane), 1, { x: 600, y: 300 }, image, pane);
    const centre = screenToImage(zoomed, { x: 600, y: 300 });
    const resized = resizeViewport(zoomed, image, pane, bigger);
    expect(screenToImage(resized, { x: 800, y: 450 }).x).toBeCloseTo(centre.x);
    expect(screenToImage(resized, { x: 800, y: 450 }).y).toBeCloseTo(centre.y);
  });
});

describe('when the full-size file is needed', () => {
  it('swaps once the screen image would be enlarged on the display', () => {
    expect(needsFullSize(2000, 1, 2048, 6000)).toBe(false);
    expect(needsFullSize(2400, 1, 2048, 6000)).toBe(true);
    expect(needsFullSize(1200, 2, 2048, 6000)).toBe(true); // a HiDPI screen shows twice the pixels
    expect(needsFullSize(9000, 1, 2048, 2048)).toBe(false); // no larger file to swap to
    expect(needsFullSize(9000, 1, 0, 6000)).toBe(false); // screen image not loaded yet
  });
});
