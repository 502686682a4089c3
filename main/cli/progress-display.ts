// Shows import progress: on a terminal one line redrawn in place (a bar), otherwise plain
// lines, at most one a second and only when something moved, so a log stays readable.
// Other messages (files that need attention, notices) are printed above the bar.
import { formatBar, formatPlain, type Totals } from './progress-format';

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressDisplay {
  update(totals: Totals): void;
  /** A whole line that stays (on `to`, stdout by default), printed without tearing the bar. */
  line(text: string, to?: Output): void;
  /** Clears the bar; later output starts on a clean line. */
  stop(): void;
}

export function createProgressDisplay(out: Output, now: () => number = Date.now): ProgressDisplay {
  const tty = out.isTTY === true;
  let shown: string | null = null; // the bar currently on screen (tty)
  let lastPlainAt = -Infinity;
  let lastPlainKey = '';
  let latest: Totals | null = null;
  let deferred: NodeJS.Timeout | null = null;
  const key = (t: Totals) => `${t.done}/${t.total}`;
  const printPlain = (t: Totals) => {
    lastPlainKey = key(t);
    lastPlainAt = now();
    out.write(`${formatPlain(t)}\n`);
  };

  const clear = () => {
    if (tty && shown !== null) out.write('\r\x1b[2K');
  };
  const draw = (force: boolean) => {
    if (!latest) return;
    // A terminal that does not report its width says 0 (script, some CI consoles).
    const text = formatBar(latest, out.columns || 80);
    if (text === shown && !force) return;
    shown = text;
    out.write(`\r\x1b[2K${text}`);
  };

  return {
    update(totals) {
      latest = totals;
      if (tty) {
        draw(false);
        return;
      }
      // Counts, not the rate: a rate that decays while waiting is no news. A change that
      // comes too soon is printed when its second is up, so the last state is never lost.
      if (key(totals) === lastPlainKey || deferred) return;
      const wait = lastPlainAt + 1000 - now();
      if (wait <= 0) printPlain(totals);
      else {
        deferred = setTimeout(() => {
          deferred = null;
          if (latest && key(latest) !== lastPlainKey) printPlain(latest);
        }, wait);
        deferred.unref?.();
      }
    },
    line(text, to = out) {
      clear();
      to.write(`${text}\n`);
      if (tty && shown !== null) draw(true);
    },
    stop() {
      if (deferred) clearTimeout(deferred);
      deferred = null;
      clear();
      shown = null;
      // The last counts may have come less than a second after the previous line.
      if (!tty && latest && latest.total > 0 && key(latest) !== lastPlainKey) printPlain(latest);
    },
  };
}
