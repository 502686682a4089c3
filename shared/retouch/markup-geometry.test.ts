import { describe, expect, it } from 'vitest';
import { pick, type Rand, randomInt, seededRandom } from '../test-support/seeded-random';
import { type Markup, markupColors, markupKinds, markupSchema } from './markup';
import {
  distanceTo,
  fromPixels,
  hitTest,
  type ImageSize,
  moveMarkup,
  nextPinNumber,
  type PixelMarkup,
  renumberPins,
  segmentDistance,
  toPixels,
} from './markup-geometry';

const unit = (rand: Rand) => rand();
const relPoint = (rand: Rand) => ({ x: unit(rand), y: unit(rand) });

/** A random valid markup of any kind (every generated one passes the schema). */
function randomMarkup(rand: Rand, id: string): Markup {
  const base = { id, comment: rand() < 0.5 ? '' : 'soften here', color: pick(rand, markupColors) };
  const kind = pick(rand, markupKinds);
  switch (kind) {
    case 'freehand':
      return {
        ...base,
        kind,
        points: Array.from({ length: randomInt(rand, 1, 30) }, () =>
          rand() < 0.5 ? relPoint(rand) : { ...relPoint(rand), pressure: rand() },
        ),
        size: 0.001 + rand() * 0.02,
      };
    case 'arrow':
      return { ...base, kind, from: relPoint(rand), to: relPoint(rand) };
    case 'circle':
      return { ...base, kind, center: relPoint(rand), rx: 0.01 + rand() * 0.3, ry: 0.01 + rand() * 0.3 };
    case 'pin':
      return { ...base, kind, n: randomInt(rand, 1, 50), at: relPoint(rand) };
  }
}

/** Every number in a markup, in a fixed order, to compare two markups within a tolerance. */
function numbers(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbers);
  if (value && typeof value === 'object')
    return Object.keys(value)
      .sort()
      .flatMap((k) => numbers((value as Record<string, unknown>)[k]));
  return [];
}
function expectClose(actual: unknown, expected: unknown, tolerance: number) {
  const a = numbers(actual);
  const b = numbers(expected);
  expect(a.length).toBe(b.length);
  for (const [i, v] of a.entries()) expect(Math.abs(v - (b[i] as number))).toBeLessThanOrEqual(tolerance);
}

describe('markup geometry: relative ⇄ pixels', () => {
  it('round-trips every kind through 6000×4000 → 1200×800 → 6000×4000', () => {
    const rand = seededRandom(7);
    const full: ImageSize = { width: 6000, height: 4000 };
    const small: ImageSize = { width: 1200, height: 800 };
    for (let i = 0; i < 300; i += 1) {
      const markup = randomMarkup(rand, `m${i}`);
      expect(markupSchema.safeParse(markup).success).toBe(true);
      const atFull = toPixels(markup, full);
      const atSmall = toPixels(fromPixels(atFull, full), small);
      const back = toPixels(fromPixels(atSmall, small), full);
      expectClose(back, atFull, 1e-6);
      // Non-numeric fields (id, kind, colour, comment) survive unchanged, pressure stays absent when absent.
      expect(JSON.stringify(Object.keys(back).sort())).toBe(JSON.stringify(Object.keys(atFull).sort()));
      expect(fromPixels(back, full)).toMatchObject({ id: markup.id, kind: markup.kind, color: markup.color, comment: markup.comment });
    }
  });

  it('lands the same relative markup on the same relative pixels of a half-size version of the same aspect', () => {
    const rand = seededRandom(11);
    for (let i = 0; i < 200; i += 1) {
      const width = randomInt(rand, 200, 8000);
      const height = randomInt(rand, 200, 8000);
      const full = { width, height };
      const half = { width: width / 2, height: height / 2 };
      const markup = randomMarkup(rand, `m${i}`);
      // Every pixel value on the half-size image is exactly half the full-size one.
      expectClose(toPixels(markup, half), halve(toPixels(markup, full)), 1e-9);
    }
  });

  it('converts each kind as the schema says (rx of the width, ry of the height, pen size of the width)', () => {
    const size = { width: 1000, height: 500 };
    expect(
      toPixels({ id: 'c', kind: 'circle', comment: '', color: 'red', center: { x: 0.5, y: 0.5 }, rx: 0.1, ry: 0.1 }, size),
    ).toMatchObject({
      center: { x: 500, y: 250 },
      rx: 100,
      ry: 50,
    });
    expect(
      toPixels({ id: 'f', kind: 'freehand', comment: '', color: 'red', points: [{ x: 1, y: 1, pressure: 0.3 }], size: 0.01 }, size),
    ).toMatchObject({
      points: [{ x: 1000, y: 500, pressure: 0.3 }],
      size: 10,
    });
    expect(
      toPixels({ id: 'a', kind: 'arrow', comment: '', color: 'red', from: { x: 0, y: 0 }, to: { x: 0.25, y: 1.2 } }, size),
    ).toMatchObject({
      from: { x: 0, y: 0 },
      to: { x: 250, y: 600 },
    });
  });
});

/** A pixel markup at half the size: positions and sizes halved, pressure and pin number kept. */
function halve(m: PixelMarkup): PixelMarkup {
  const h = (p: { x: number; y: number }) => ({ ...p, x: p.x / 2, y: p.y / 2 });
  switch (m.kind) {
    case 'freehand':
      return { ...m, points: m.points.map(h), size: m.size / 2 };
    case 'arrow':
      return { ...m, from: h(m.from), to: h(m.to) };
    case 'circle':
      return { ...m, center: h(m.center), rx: m.rx / 2, ry: m.ry / 2 };
    case 'pin':
      return { ...m, at: h(m.at) };
  }
}

describe('pin numbers', () => {
  const pin = (id: string, n: number): Markup => ({ id, kind: 'pin', n, at: { x: 0.5, y: 0.5 }, comment: '', color: 'red' });
  const arrow: Markup = { id: 'a', kind: 'arrow', from: { x: 0, y: 0 }, to: { x: 1, y: 1 }, comment: '', color: 'red' };

  it('gives the first pin 1 and each next one past the highest', () => {
    expect(nextPinNumber([])).toBe(1);
    expect(nextPinNumber([arrow])).toBe(1);
    expect(nextPinNumber([pin('p', 1), arrow, pin('q', 4)])).toBe(5);
  });

  it('renumbers pins 1, 2, 3 in drawing order and leaves the other kinds alone', () => {
    const result = renumberPins([pin('p', 3), arrow, pin('q', 7)]);
    expect(result.map((m) => (m.kind === 'pin' ? m.n : m.kind))).toEqual([1, 'arrow', 2]);
    expect(result[1]).toBe(arrow);
  });
});

describe('hit testing', () => {
  const size = { width: 1000, height: 1000 };
  const options = { tolerance: 5, pinRadius: 10 };
  const circle: Markup = { id: 'c', kind: 'circle', center: { x: 0.5, y: 0.5 }, rx: 0.2, ry: 0.1, comment: '', color: 'red' };
  const arrow: Markup = { id: 'a', kind: 'arrow', from: { x: 0.1, y: 0.1 }, to: { x: 0.3, y: 0.1 }, comment: '', color: 'red' };
  const pin: Markup = { id: 'p', kind: 'pin', n: 1, at: { x: 0.5, y: 0.5 }, comment: '', color: 'red' };
  const stroke: Markup = {
    id: 'f',
    kind: 'freehand',
    points: [
      { x: 0.8, y: 0.8 },
      { x: 0.9, y: 0.8 },
    ],
    size: 0.02,
    comment: '',
    color: 'red',
  };
  const all = [circle, arrow, pin, stroke];

  it('finds each kind on its line and nothing in empty space', () => {
    expect(hitTest(all, { x: 200, y: 103 }, size, options)).toBe('a');
    expect(hitTest(all, { x: 700, y: 500 }, size, options)).toBe('c'); // on the ellipse's right edge
    expect(hitTest(all, { x: 500, y: 402 }, size, options)).toBe('c'); // on its top edge
    expect(hitTest(all, { x: 508, y: 505 }, size, options)).toBe('p');
    expect(hitTest(all, { x: 850, y: 812 }, size, options)).toBe('f'); // within half the pen size + tolerance
    expect(hitTest(all, { x: 50, y: 900 }, size, options)).toBeNull();
  });

  it('prefers an outline inside a circle, then the circle itself, then the topmost', () => {
    expect(hitTest(all, { x: 600, y: 520 }, size, options)).toBe('c'); // inside, no outline near
    expect(hitTest([circle, pin], { x: 500, y: 500 }, size, options)).toBe('p');
    const twin: Markup = { ...arrow, id: 'a2' };
    expect(hitTest([arrow, twin], { x: 200, y: 100 }, size, options)).toBe('a2');
  });

  it('measures distances in pixels of the size given (a 10 px tolerance on a half-size image is 20 px at full size)', () => {
    const half = { width: 500, height: 500 };
    expect(hitTest([arrow], { x: 100, y: 60 }, half, { tolerance: 10, pinRadius: 5 })).toBe('a');
    expect(hitTest([arrow], { x: 100, y: 62 }, half, { tolerance: 10, pinRadius: 5 })).toBeNull();
  });

  it('agrees with the pixel distance on random points (property)', () => {
    const rand = seededRandom(3);
    for (let i = 0; i < 300; i += 1) {
      const markup = randomMarkup(rand, 'x');
      const point = { x: rand() * 1000, y: rand() * 1000 };
      const d = distanceTo(toPixels(markup, size), point, options);
      const hit = hitTest([markup], point, size, options);
      if (d <= options.tolerance) expect(hit).toBe('x');
      else if (markup.kind !== 'circle') expect(hit).toBeNull();
    }
  });

  it('measures segment distance to the nearest end past the segment', () => {
    expect(segmentDistance({ x: -3, y: 4 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBeCloseTo(5);
    expect(segmentDistance({ x: 5, y: 2 }, { x: 0, y: 0 }, { x: 10, y: 0 })).toBeCloseTo(2);
    expect(segmentDistance({ x: 3, y: 4 }, { x: 0, y: 0 }, { x: 0, y: 0 })).toBeCloseTo(5);
  });
});

describe('moving a markup', () => {
  it('moves every point by the same relative offset and keeps sizes', () => {
    const rand = seededRandom(5);
    for (let i = 0; i < 100; i += 1) {
      const markup = randomMarkup(rand, 'm');
      const moved = moveMarkup(markup, 0.1, -0.05);
      const back = moveMarkup(moved, -0.1, 0.05);
      expectClose(back, markup, 1e-12);
      if (markup.kind === 'circle' && moved.kind === 'circle') expect([moved.rx, moved.ry]).toEqual([markup.rx, markup.ry]);
    }
  });
});
