// One autocannon run in a worker thread, so the load generator does not share an event loop with
// the in-process server it measures. Plain JS: workers do not inherit tsx's loader.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';

const {
  url,
  method,
  headers,
  body,
  connections,
  durationSeconds,
  amount,
  maxSeconds,
  uniqueClientAddress,
  paths,
} = workerData;

let sent = 0;
// A distinct X-Forwarded-For per request stands for many clients behind a proxy (TRUST_PROXY on),
// so per-address rate limits measure nothing but themselves.
// A request mix: each connection walks the paths in order, one per request.
const requests = paths
  ? paths.map((path) => ({ method, path }))
  : uniqueClientAddress
    ? [
        {
          setupRequest(request) {
            sent++;
            const address = `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}`;
            return { ...request, headers: { ...request.headers, 'x-forwarded-for': address } };
          },
        },
      ]
    : undefined;

const latencies = [];
const statuses = {};
const instance = autocannon({
  url,
  method,
  headers,
  body,
  connections,
  timeout: 30,
  ...(amount ? { amount } : { duration: durationSeconds }),
  ...(requests ? { requests } : {}),
});
instance.on('response', (_client, statusCode, _bytes, responseTime) => {
  latencies.push(responseTime);
  statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
});
const watchdog = setTimeout(() => instance.stop(), maxSeconds * 1000);
const result = await instance;
clearTimeout(watchdog);
parentPort.postMessage({
  latencies,
  statuses,
  errors: result.errors,
  timeouts: result.timeouts,
  durationSeconds: result.duration,
});
