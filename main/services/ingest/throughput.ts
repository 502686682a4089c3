// Images per second over a sliding window, and the time left at that pace.
export interface Throughput {
  record(at: number): void;
  perSecond(at: number): number;
  etaSeconds(remaining: number, at: number): number | null;
}

export function createThroughput(windowMs = 20_000): Throughput {
  const stamps: number[] = [];
  function trim(at: number) {
    while (stamps.length && (stamps[0] as number) < at - windowMs) stamps.shift();
  }
  return {
    record(at) {
      stamps.push(at);
      trim(at);
    },
    perSecond(at) {
      trim(at);
      if (stamps.length < 2) return 0;
      const span = Math.max(at - (stamps[0] as number), 1000);
      return (stamps.length / span) * 1000;
    },
    etaSeconds(remaining, at) {
      const rate = this.perSecond(at);
      return rate > 0 ? Math.ceil(remaining / rate) : null;
    },
  };
}
