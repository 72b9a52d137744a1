/** Time source, injectable so tests and demo data are reproducible. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** ISO-8601 UTC text, the storage form of every timestamp. */
export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}
