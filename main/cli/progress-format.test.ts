import { describe, expect, it } from 'vitest';
import { formatAttention, formatBar, formatDuration, formatPlain, formatSummary } from './progress-format';

describe('progress wording', () => {
  it('says durations the way a person reads them', () => {
    expect([0, 9.4, 59, 60, 75, 3599, 3600, 7322].map(formatDuration)).toEqual([
      '0 s',
      '9 s',
      '59 s',
      '1:00',
      '1:15',
      '59:59',
      '1:00:00',
      '2:02:02',
    ]);
  });

  it('draws a bar that fits the terminal and fills with the work done', () => {
    const bar = formatBar({ total: 40, done: 10, imagesPerSecond: 3.14, etaSeconds: 10 }, 80);
    expect(bar).toBe(`[${'█'.repeat(10)}${'░'.repeat(30)}] 10/40  3.1 images/s  ETA 10 s`);
    expect(formatBar({ total: 1500, done: 1500, imagesPerSecond: 12, etaSeconds: 0 }, 60).length).toBeLessThan(60);
    expect(formatBar({ total: 0, done: 0, imagesPerSecond: 0, etaSeconds: null }, 80)).toMatch(/^\[░+\] 0\/0 {2}0\.0 images\/s {2}done$/);
    expect(formatBar({ total: 5, done: 1, imagesPerSecond: 0, etaSeconds: null }, 80)).toMatch(/ETA …$/);
  });

  it('writes plain lines and the summary in words', () => {
    expect(formatPlain({ total: 40, done: 12, imagesPerSecond: 3.1, etaSeconds: 9 })).toBe('12/40 done, 3.1 images/s, about 9 s left');
    expect(formatPlain({ total: 40, done: 40, imagesPerSecond: 3.1, etaSeconds: 0 })).toBe('40/40 done, 3.1 images/s, all done');
    expect(formatSummary({ imported: 33, needsAttention: 7, already: 0 })).toBe(
      'Imported 33, needs attention 7, already in the catalog 0.',
    );
    expect(formatAttention(['IMG_1.CR3', 'IMG_1.JPG'], 'The file is empty.')).toBe(
      'Needs attention: IMG_1.CR3 + IMG_1.JPG: The file is empty.',
    );
  });
});
