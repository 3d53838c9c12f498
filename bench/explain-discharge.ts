/**
 * Issue 14's query plans: seeds a PostgreSQL like bench/scenarios/discharge.ts, makes each call of
 * the patient page (a sampled patient, and one with a row in every section), the case page and the inbox once, and prints every statement the server ran
 * for it with EXPLAIN (ANALYZE, BUFFERS). Not a benchmark (no timing targets): it shows what a
 * request costs in round trips and where a plan scans or sorts.
 *
 *   npx tsx bench/explain-discharge.ts [--scale 0.05] [--verbose]
 *
 * Statements are captured by wrapping pg.Client#query in this process (the server runs in-process),
 * so the capture sees exactly what Kysely sends, parameters included.
 */
import pg from 'pg';
import { demoAccount, fullPatientId, sampleIds, seed } from './scenarios/discharge';
import { signIn } from './scenarios/platform';
import { ServerFactory } from './servers';

type Captured = { text: string; values: unknown[]; ms: number };

const log = (line: string) => process.stderr.write(`${line}\n`);
let capture: Captured[] | undefined;
const original = pg.Client.prototype.query;
// biome-ignore lint/suspicious/noExplicitAny: wrapping pg's overloaded query for the capture.
(pg.Client.prototype as any).query = function (this: pg.Client, ...args: any[]) {
  const [first, second] = args;
  const text = typeof first === 'string' ? first : first?.text;
  const values = (Array.isArray(second) ? second : first?.values) ?? [];
  const started = performance.now();
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  const result = (original as any).apply(this, args);
  if (capture && typeof text === 'string') {
    const entry: Captured = { text, values, ms: 0 };
    capture.push(entry);
    if (result && typeof result.then === 'function')
      result.then(
        () => {
          entry.ms = performance.now() - started;
        },
        () => undefined,
      );
  }
  return result;
};

function argValue(name: string, fallback: string) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

async function main() {
  const scale = Number(argValue('--scale', '0.05'));
  const verbose = process.argv.includes('--verbose');
  const servers = new ServerFactory(log);
  const server = await servers.start('postgres');
  try {
    const db = server.database.db;
    await seed({ log }, db, scale);
    const hospital = await signIn(server, await demoAccount('hospital_staff'), '/api/patients?limit=1');
    const clinician = await signIn(server, await demoAccount('clinician'), '/api/inbox');
    const [patientId] = await sampleIds(db, 'patients');
    const [caseId] = await sampleIds(db, 'discharge_cases');
    const calls: Array<[string, string]> = [
      ['hospital', `/api/patients/${patientId}`],
      ['hospital', `/api/patients/${await fullPatientId(db)}`],
      ['hospital', `/api/discharge-cases/${caseId}`],
      ['hospital', '/api/patients?limit=50'],
      ['clinician', '/api/inbox?limit=100'],
      ['clinician', '/api/inbox/unread-count'],
    ];
    const explainer = new pg.Client({ connectionString: server.databaseEnv.DATABASE_URL });
    await explainer.connect();
    await explainer.query("set time zone 'UTC'");
    for (const [who, path] of calls) {
      // Once to warm caches, once captured.
      const cookie = who === 'hospital' ? hospital : clinician;
      await fetch(`${server.url}${path}`, { headers: { cookie } });
      capture = [];
      const t0 = performance.now();
      const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
      await response.text();
      const total = performance.now() - t0;
      const statements = capture;
      capture = undefined;
      log(
        `\n=== GET ${path} (${who}): ${response.status}, ${statements.length} statements, ${total.toFixed(1)} ms`,
      );
      for (const [i, s] of statements.entries()) {
        const oneLine = s.text.replace(/\s+/g, ' ');
        log(`--- #${i + 1} (${s.ms.toFixed(2)} ms in the pool) ${oneLine.slice(0, verbose ? 2000 : 220)}`);
        if (!/^\s*(select|with|insert|update|delete)/i.test(s.text)) continue;
        await explainer.query('begin');
        try {
          const plan = await explainer.query(`explain (analyze, buffers, costs off) ${s.text}`, s.values);
          const lines = plan.rows.map((r) => r['QUERY PLAN'] as string);
          const flagged = lines.filter((l) =>
            /Seq Scan|Sort|Nested Loop|Hash Join|SubPlan|Execution Time/.test(l),
          );
          for (const line of verbose ? lines : flagged) log(`      ${line}`);
        } catch (error) {
          log(`      (explain failed: ${(error as Error).message})`);
        } finally {
          await explainer.query('rollback');
        }
      }
    }
    await explainer.end();
  } finally {
    await server.stop();
    await servers.close();
  }
}

await main();
