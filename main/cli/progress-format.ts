// The words and the bar the ingest command prints; pure, so they are tested without a terminal.
export interface Totals {
  total: number;
  done: number;
  imagesPerSecond: number;
  etaSeconds: number | null;
}

export interface Summary {
  imported: number;
  needsAttention: number;
  already: number;
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

const rate = (t: Totals) => `${t.imagesPerSecond.toFixed(1)} images/s`;
const eta = (t: Totals) => (t.done >= t.total ? 'done' : t.etaSeconds === null ? 'ETA …' : `ETA ${formatDuration(t.etaSeconds)}`);

/** One terminal line: "[█████░░░░░] 12/40  3.1 images/s  ETA 9 s", fitted to `columns`. */
export function formatBar(t: Totals, columns: number): string {
  const tail = ` ${t.done}/${t.total}  ${rate(t)}  ${eta(t)}`;
  const width = Math.max(10, Math.min(40, columns - tail.length - 3));
  const filled = t.total > 0 ? Math.round((Math.min(t.done, t.total) / t.total) * width) : 0;
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}]${tail}`.slice(0, Math.max(columns - 1, 20));
}

/** For logs and pipes: "12/40 done, 3.1 images/s, about 9 s left". */
export function formatPlain(t: Totals): string {
  const left =
    t.done >= t.total ? 'all done' : t.etaSeconds === null ? 'time left not known yet' : `about ${formatDuration(t.etaSeconds)} left`;
  return `${t.done}/${t.total} done, ${rate(t)}, ${left}`;
}

export function formatSummary(s: Summary): string {
  return `Imported ${s.imported}, needs attention ${s.needsAttention}, already in the catalog ${s.already}.`;
}

export function formatAttention(fileNames: string[], reason: string | null): string {
  return `Needs attention: ${fileNames.join(' + ')}: ${reason ?? 'no reason was recorded; press Retry in the app.'}`;
}
