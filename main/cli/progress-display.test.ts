import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgressDisplay, type Output } from './progress-display';

function recorder(tty: boolean): Output & { text: string } {
  const out = {
    text: '',
    isTTY: tty,
    columns: 80,
    write(chunk: string) {
      out.text += chunk;
      return true;
    },
  };
  return out;
}

const at = (done: number, total = 10) => ({ done, total, imagesPerSecond: 2, etaSeconds: (total - done) / 2 });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('progress display', () => {
  it('prints plain lines at most once a second, only on change, and never loses the last state', () => {
    const out = recorder(false);
    const display = createProgressDisplay(out, () => Date.now());
    display.update(at(1));
    display.update(at(2)); // too soon: deferred
    display.update(at(3));
    expect(out.text.split('\n').filter(Boolean)).toEqual(['1/10 done, 2.0 images/s, about 5 s left']);
    vi.advanceTimersByTime(1000);
    display.update(at(3)); // no change, no line
    vi.advanceTimersByTime(5000);
    expect(out.text.split('\n').filter(Boolean)).toEqual([
      '1/10 done, 2.0 images/s, about 5 s left',
      '3/10 done, 2.0 images/s, about 4 s left',
    ]);
    display.update(at(10));
    display.line('Imported 10, needs attention 0, already in the catalog 0.');
    expect(out.text).not.toContain('\x1b');
    expect(out.text.trimEnd().split('\n').at(-1)).toBe('Imported 10, needs attention 0, already in the catalog 0.');
  });

  it('on a terminal redraws one line in place and prints other lines above it', () => {
    const out = recorder(true);
    const display = createProgressDisplay(out);
    display.update(at(1));
    display.update(at(1)); // same picture: nothing written
    const once = out.text;
    display.update(at(1));
    expect(out.text).toBe(once);
    display.line('Needs attention: a.jpg: The file is empty.');
    display.update(at(2));
    display.stop();
    display.line('Imported 2, needs attention 0, already in the catalog 0.');
    // What the terminal shows: each line ends up as the text after its last carriage return.
    const screen = out.text.split('\n').map((l) => (l.split('\r').at(-1) ?? '').replace('\x1b[2K', ''));
    expect(screen).toEqual(['Needs attention: a.jpg: The file is empty.', 'Imported 2, needs attention 0, already in the catalog 0.', '']);
    expect(out.text.split('\r\x1b[2K[█').length - 1).toBe(3); // first draw, redraw under the line, 2/10
  });
});
