import { Worker } from 'node:worker_threads';
import { percentile, round1 } from './stats';

export type LoadOptions = {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  /** Run for this long, or until `amount` responses; never past `maxSeconds`. */
  durationSeconds?: number;
  amount?: number;
  maxSeconds: number;
  uniqueClientAddress?: boolean;
  /** Paths (with query) each connection cycles through, in order, on `url`'s origin: a request mix. */
  paths?: string[];
};

export type LoadFigures = {
  requests: number;
  throughputRps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Answers outside 2xx and transport errors: a run with any is reported, never hidden. */
  failures: number;
};

/** One load run against a server on 127.0.0.1 (anything else is refused: benchmarks stay on loopback). */
export async function runLoad(options: LoadOptions): Promise<LoadFigures> {
  if (new URL(options.url).hostname !== '127.0.0.1')
    throw new Error(`bench targets 127.0.0.1 only: ${options.url}`);
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
    workerData: { method: 'GET', ...options },
  });
  const result = await new Promise<{
    latencies: number[];
    statuses: Record<string, number>;
    errors: number;
    timeouts: number;
    durationSeconds: number;
  }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  const ok = Object.entries(result.statuses)
    .filter(([status]) => status.startsWith('2'))
    .reduce((sum, [, n]) => sum + n, 0);
  const requests = result.latencies.length;
  return {
    requests,
    throughputRps: round1(ok / Math.max(result.durationSeconds, 0.001)),
    p50Ms: round1(percentile(result.latencies, 50)),
    p95Ms: round1(percentile(result.latencies, 95)),
    p99Ms: round1(percentile(result.latencies, 99)),
    failures: requests - ok + result.errors + result.timeouts,
  };
}
