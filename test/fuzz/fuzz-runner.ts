import { isErrorCode } from '../../src/contracts/error-codes';
import { nextClientAddress } from '../support/factories/accounts';
import type { TestApp } from '../support/test-app';
import { changedTables, fingerprint, REFUSAL_WRITES } from './db-fingerprint';
import type { FuzzRequest } from './fuzz-requests';
import type { FuzzWorld, Identity } from './fuzz-world';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** Fingerprint every refused write of the first FINGERPRINT_ALL of a group, then 1 in FINGERPRINT_EVERY. */
export const FINGERPRINT_ALL = 300;
export const FINGERPRINT_EVERY = 20;

/** What is wrong with one answer, or undefined. */
export function problemWith(status: number, text: string): string | undefined {
  if (status >= 500) return `answered ${status}: ${text.slice(0, 300)}`;
  if (status < 400) return undefined;
  let error: { code?: unknown; message?: unknown } | undefined;
  try {
    error = (JSON.parse(text) as { error?: typeof error }).error;
  } catch {
    return `refusal ${status} is not JSON: ${text.slice(0, 200)}`;
  }
  if (typeof error?.code !== 'string' || !isErrorCode(error.code))
    return `refusal ${status} without a known code: ${text.slice(0, 200)}`;
  if (typeof error.message !== 'string' || !JAPANESE.test(error.message))
    return `refusal ${status} (${error.code}) without a Japanese message`;
  return undefined;
}

/**
 * Sends one group's requests and checks each answer; throws (for fast-check to shrink) on a 5xx,
 * on a refusal without a known code and Japanese message, or on a refusal that changed a table.
 */
export function createGroupRunner(t: TestApp, world: FuzzWorld, identities: Map<string, Identity>) {
  const stats = {
    runs: 0,
    refusals: 0,
    fingerprinted: 0,
    statuses: new Map<number, number>(),
    routes: new Set<string>(),
    ms: { session: 0, fingerprint: 0, request: 0 },
  };
  const timed = async <T>(part: keyof typeof stats.ms, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      stats.ms[part] += performance.now() - start;
    }
  };

  async function send(request: FuzzRequest): Promise<void> {
    stats.runs++;
    if (stats.runs % 100 === 0) await world.refreshIds();
    const identity = identities.get(request.who) ?? { kind: 'anonymous' };
    const headers = { ...(await timed('session', () => world.headersFor(identity))) };
    if (request.contentType) headers['content-type'] = request.contentType;
    const writes = request.method !== 'GET';
    const sample = writes && (stats.runs <= FINGERPRINT_ALL || stats.runs % FINGERPRINT_EVERY === 0);
    const before = sample ? await timed('fingerprint', () => fingerprint(t.db)) : undefined;
    const response = await timed('request', () =>
      t.app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers,
        remoteAddress: nextClientAddress(),
        ...(request.payload === undefined ? {} : { payload: request.payload }),
      }),
    );
    // Only an accepted write can end a session (logout, password change, revoke): open a new one next time.
    if (writes && response.statusCode < 400) world.forget(identity);
    stats.statuses.set(response.statusCode, (stats.statuses.get(response.statusCode) ?? 0) + 1);
    stats.routes.add(request.route);
    const problem = problemWith(response.statusCode, response.body);
    if (problem) throw new Error(problem);
    if (response.statusCode < 400) return;
    stats.refusals++;
    if (!before) return;
    stats.fingerprinted++;
    const after = await timed('fingerprint', () => fingerprint(t.db));
    const changed = changedTables(before, after, REFUSAL_WRITES[request.route]);
    if (changed.length > 0)
      throw new Error(
        `refused with ${response.statusCode} (${response.body.slice(0, 200)}) yet changed ${changed.join(', ')}`,
      );
  }

  function summary(): string {
    const { ms } = stats;
    return (
      `statuses ${JSON.stringify(Object.fromEntries([...stats.statuses].sort((a, b) => a[0] - b[0])))}, ` +
      `${stats.refusals} refusals, ${stats.fingerprinted} fingerprinted; ms in session ${ms.session.toFixed(0)}, ` +
      `fingerprint ${ms.fingerprint.toFixed(0)}, request ${ms.request.toFixed(0)}`
    );
  }

  return { send, stats, summary };
}
