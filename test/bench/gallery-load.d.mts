export type RequestKind = 'page' | 'gallery' | 'proof';
export type Mix = Partial<Record<RequestKind, number>>;

export interface Latency {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface KindServed {
  request: string;
  percent: number;
  requests: number;
  ok: number;
  statuses: Record<string, number>;
  latency: { p50: number | null; p99: number | null; max: number | null };
}

export interface GalleryLoadReport {
  benchmark: 'gallery';
  connections: number;
  durationS: number;
  mix: Partial<Record<RequestKind, KindServed>>;
  photos: number;
  proofKB: number;
  sessions: number;
  requests: number;
  rps: number;
  latency: Latency;
  errors: number;
  non2xx: number;
  timeouts: number;
  throughputMBps: number;
  serverCpuPercent: number | null;
  loadGeneratorCpuPercent: number;
  reference: {
    server: string;
    rps: number;
    latency: Latency;
    errors: number;
    non2xx: number;
    throughputMBps: number;
  } | null;
  target: { p99Ms: number; errors: number };
  pass: boolean;
  cpus: number;
  /** The machine's 1-minute load average when the run started and ended (other work skews the numbers). */
  loadAverage1m: { before: number; after: number };
  warmupS: number;
}

export interface GalleryLoadOptions {
  connections?: number;
  durationS?: number;
  photos?: number;
  warmupS?: number;
  mix?: Mix;
  baseline?: boolean;
  profileDir?: string | null;
  serverEntry?: string;
  log?: (line: string) => void;
}

export const DEFAULT_MIX: Required<Mix>;
export const TARGET: { p99Ms: number; errors: number };
export function parseMix(text: string): Mix;
export function mixCycle(mix: Mix): RequestKind[];
export function runGalleryLoad(options?: GalleryLoadOptions): Promise<GalleryLoadReport>;
