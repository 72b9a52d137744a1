// An open-loop load generator in the manner of wrk2: requests leave at fixed times (rate per second, evenly spaced)
// whether or not earlier ones have answered, over a pool of keep-alive connections, and each latency is measured from
// the time the request was *due*, so a stalled server is charged for every request that waited (no coordinated
// omission). autocannon's rate limit instead lets each connection send at its own fixed interval; with all
// connections starting together the requests arrive in bursts of `connections` at once, which the percentiles then
// report as queueing.
import http from 'node:http';

export interface OpenLoopResult {
  sent: number;
  failed: number;
  /** Milliseconds, from due time to the end of the response. */
  latency: { p50: number; p90: number; p99: number; max: number };
  achievedRate: number;
}

export async function openLoopLoad(options: {
  url: string;
  headers: Record<string, string>;
  rate: number;
  seconds: number;
  /** Path of the i-th request (default: the url's path). */
  path?: (i: number) => string;
  maxSockets?: number;
  /** 'even': one request every 1/rate s (wrk2). 'poisson': random, exponentially distributed gaps of the same mean,
   * so requests sometimes bunch up as independent users' clicks do. */
  arrivals?: 'even' | 'poisson';
}): Promise<OpenLoopResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let failed = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  const send = (i: number, due: number) =>
    new Promise<void>((resolve) => {
      const request = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: options.path?.(i) ?? `${target.pathname}${target.search}`,
          headers: options.headers,
          agent,
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            if (response.statusCode !== 200) failed += 1;
            latencies.push(performance.now() - due);
            resolve();
          });
        },
      );
      request.on('error', () => {
        failed += 1;
        resolve();
      });
      request.end();
    });
  let due = start;
  for (let i = 0; i < total; i++) {
    if (i > 0) due += options.arrivals === 'poisson' ? -Math.log(1 - Math.random()) * interval : interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(i, due));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Number((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(1));
  return {
    sent: total,
    failed,
    latency: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) },
    achievedRate: total / elapsed,
  };
}
