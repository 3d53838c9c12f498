import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { round1 } from './stats';

setFlagsFromString('--expose-gc');
// A full collection before the baseline, so garbage from earlier work is not counted as headroom.
const collect = runInNewContext('gc') as () => void;

/**
 * Runs `work` while sampling the process's RSS, heap and external memory every 50 ms; returns the
 * peaks above the start. RSS alone understates: memory freed by earlier work but still mapped is
 * reused without raising it, so the heap and external peaks are reported beside it.
 */
export async function measureExtraMemory<T>(work: () => Promise<T>) {
  collect();
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  // Buffers live outside the JS heap (external): a stream that piled up chunks would show here.
  let peakExternal = start.external;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakExternal = Math.max(peakExternal, now.external);
  };
  const timer = setInterval(sample, 50);
  try {
    const result = await work();
    sample();
    const mb = (bytes: number) => round1(bytes / 2 ** 20);
    return {
      result,
      baselineRssMB: mb(start.rss),
      extraRssMB: mb(peakRss - start.rss),
      extraHeapMB: mb(peakHeap - start.heapUsed),
      extraExternalMB: mb(peakExternal - start.external),
    };
  } finally {
    clearInterval(timer);
  }
}
