import { sql } from 'kysely';
import type { LoadFigures } from '../load';
import type { BenchContext, BenchScenario, BenchServer, Engine } from '../scenario';
import { medianFigures, round2 } from '../stats';
import { type DemoAccount, signIn } from './platform';

// Issue 14's sizes at --scale 1; the targets are the issue's.
const FULL = { openCases: 10_000, patients: 100_000, timelineEntries: 1_000_000 };
const INBOX_CIRCLES = 200;
const INBOX_NOTICES_PER_CIRCLE = 5;
const CASE_NOTICES = 4;
const TARGETS = {
  patientPageP95Ms: { postgres: 50, pglite: 150 },
  inboxP95Ms: { postgres: 50 },
  accessLogAddedMax: 0.2,
};
// How many different patients / cases the load cycles through (a page read is not one hot row).
const SAMPLE = 200;

export type Db = BenchServer['database']['db'];

export async function demoAccount(
  role: 'hospital_staff' | 'clinician',
): Promise<DemoAccount & { email: string }> {
  const accounts = await import('../../src/server/modules/accounts');
  const user = accounts.DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo ${role}`);
  return {
    email: user.email,
    password: accounts.DEMO_PASSWORD,
    code: () => accounts.totpCode(user.totpSecret, new Date()),
  };
}

async function organisationOf(db: Db, email: string): Promise<{ userId: string; organisationId: string }> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('memberships as m', 'm.user_id', 'u.id')
    .select(['u.id as userId', 'm.organisation_id as organisationId'])
    .where('u.email', '=', email)
    .executeTakeFirstOrThrow();
  return row;
}

/**
 * Bulk SQL, set-based (generate_series INSERT…SELECT): fictional patients, the hospital's open
 * cases with their timelines, and a family doctor in INBOX_CIRCLES circles with an inbox of notices.
 */
export async function seed(ctx: Pick<BenchContext, 'log'>, db: Db, scale: number) {
  const n = {
    patients: Math.max(1_000, Math.round(FULL.patients * scale)),
    cases: Math.max(100, Math.round(FULL.openCases * scale)),
    perCase: Math.max(1, Math.round(FULL.timelineEntries / FULL.openCases)),
  };
  const circles = Math.min(INBOX_CIRCLES, n.cases);
  const hospital = await organisationOf(db, (await demoAccount('hospital_staff')).email);
  const clinician = await organisationOf(db, (await demoAccount('clinician')).email);
  const step = async (label: string, query: ReturnType<typeof sql>) => {
    const t0 = Date.now();
    await query.execute(db);
    ctx.log(`    seeded ${label} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  await step(
    `${n.patients} patients`,
    sql`insert into patients (municipality_code, name, name_kana, kana_key, birth_date, sex, address_town, care_level, fictional)
      select '131105', 'ベンチ 患者' || g, 'べんち かんじゃ', 'べんちかんじゃ' || g, date '1925-01-01' + (g % 25000),
        case when g % 2 = 0 then 'female' else 'male' end, '中目黒一丁目', 'care_2', true
      from generate_series(1, ${n.patients}) g`,
  );
  // The first `cases` bench patients: an open case each, the hospital in their circle.
  await step(
    'bench patient numbering',
    sql`create temporary table bench_patients as
      select id, row_number() over (order by id) as rn from patients where kana_key like 'べんちかんじゃ%'`,
  );
  await step(
    `${n.cases} circles`,
    sql`insert into care_circle_memberships (municipality_code, patient_id, role, organisation_id, valid_from)
      select '131105', id, 'admitting_hospital', ${hospital.organisationId}::uuid, now() - interval '30 days'
      from bench_patients where rn <= ${n.cases}
      union all
      select '131105', id, 'family_doctor', ${clinician.organisationId}::uuid, now() - interval '2 years'
      from bench_patients where rn <= ${circles}`,
  );
  await step(
    `${n.cases} open cases`,
    sql`insert into discharge_cases (municipality_code, patient_id, hospital_organisation_id, hospital_name, admitted_on,
        expected_discharge_on, status, opened_by, opened_by_organisation_id)
      select '131105', id, ${hospital.organisationId}::uuid, 'ベンチ病院', current_date - 20, current_date + 10,
        (array['open', 'planning', 'scheduled'])[1 + (rn % 3)::int], ${hospital.userId}::uuid, ${hospital.organisationId}::uuid
      from bench_patients where rn <= ${n.cases}`,
  );
  await step(
    `${n.cases * n.perCase} timeline entries`,
    sql`insert into discharge_contacts (municipality_code, case_id, kind, with_whom, at, outcome, recorded_by, recorded_by_label)
      select '131105', c.id, (array['phone', 'visit', 'fax', 'message', 'video_joint_guidance'])[1 + g % 5],
        'ケアマネジャー', now() - make_interval(mins => g * 37), '退院後の訪問日程を確認した。', ${hospital.userId}::uuid, 'ベンチ'
      from discharge_cases c cross join generate_series(1, ${n.perCase}) g
      where c.hospital_name = 'ベンチ病院'`,
  );
  // The admission notices every case sends (issue 14 item 4): the case page lists them.
  await step(
    `${n.cases * CASE_NOTICES} case notices`,
    sql`insert into case_notices (municipality_code, kind, patient_id, case_id, recipient_facility_id, recipient_label,
        channel, status, sent_at)
      select '131105', 'admission', c.patient_id, c.id, gen_random_uuid(), 'ベンチ診療所 ' || g, 'inbox', 'sent', now()
      from discharge_cases c cross join generate_series(1, ${CASE_NOTICES}) g
      where c.hospital_name = 'ベンチ病院'`,
  );
  await step(
    `${circles * INBOX_NOTICES_PER_CIRCLE} inbox notices`,
    sql`with events as (
        insert into notice_events (municipality_code, kind, recipient_user_ids, title, body, link, record_type, record_id,
          patient_id, send_mail, requires_ack, processed_at)
        select '131105', 'discharge.admission', array[${clinician.userId}::uuid], '入院のお知らせ', '退院支援が始まりました。',
          '/staff/discharge/notices', 'patient', p.id::text, p.id::text, false, true, now()
        from bench_patients p cross join generate_series(1, ${INBOX_NOTICES_PER_CIRCLE}) g where p.rn <= ${circles}
        returning id, patient_id, created_at
      )
      insert into inbox_notices (event_id, municipality_code, user_id, kind, title, body, link, record_type, record_id,
        patient_id, requires_ack, created_at)
      select e.id, '131105', ${clinician.userId}::uuid, 'discharge.admission', '入院のお知らせ', '退院支援が始まりました。',
        '/staff/discharge/notices', 'patient', e.patient_id, e.patient_id, true, e.created_at
      from events e`,
  );
  await step('analyze', sql`analyze`);
  return { ...n, circles };
}

async function repeat(ctx: BenchContext, label: string, once: () => Promise<LoadFigures>) {
  const runs: LoadFigures[] = [];
  for (let i = 0; i < ctx.settings.runs; i++) {
    const figures = await once();
    ctx.log(`    ${label} run ${i + 1}: ${JSON.stringify(figures)}`);
    runs.push(figures);
  }
  return medianFigures(runs);
}

function mix(ctx: BenchContext, server: BenchServer, cookie: string, paths: string[]) {
  const { durationSeconds, connections } = ctx.settings;
  return ctx.load({
    url: `${server.url}${paths[0]}`,
    headers: { cookie },
    paths,
    connections,
    durationSeconds,
    maxSeconds: durationSeconds + 30,
  });
}

export async function sampleIds(db: Db, table: 'patients' | 'discharge_cases') {
  const rows =
    table === 'patients'
      ? await db
          .selectFrom('discharge_cases')
          .select('patient_id as id')
          .where('hospital_name', '=', 'ベンチ病院')
          .orderBy('id')
          .limit(SAMPLE)
          .execute()
      : await db
          .selectFrom('discharge_cases')
          .select('id')
          .where('hospital_name', '=', 'ベンチ病院')
          .orderBy('patient_id')
          .limit(SAMPLE)
          .execute();
  return rows.map((r) => r.id);
}

async function measureEngine(ctx: BenchContext, engine: Engine) {
  const { skipAccessLogForBenchmark } = await import(
    '../../src/server/platform/access-log/access-log.service'
  );
  const server = await ctx.startServer(engine);
  try {
    const sizes = await seed(ctx, server.database.db as Db, ctx.settings.scale);
    const hospital = await signIn(server, await demoAccount('hospital_staff'), '/api/patients?limit=1');
    const clinician = await signIn(server, await demoAccount('clinician'), '/api/inbox');
    const patients = (await sampleIds(server.database.db as Db, 'patients')).map(
      (id) => `/api/patients/${id}`,
    );
    const cases = (await sampleIds(server.database.db as Db, 'discharge_cases')).map(
      (id) => `/api/discharge-cases/${id}`,
    );
    // The patient page loads GET /api/patients/:id (circle, cases and changes in one answer); the
    // case page of that patient GET /api/discharge-cases/:id (checklist, tasks, 100 timeline entries).
    // Warm-up (JIT, plan caches, buffers): otherwise whichever figure is measured first pays for it.
    await mix(ctx, server, hospital, patients);
    await mix(ctx, server, hospital, cases);
    const patientPage = await repeat(ctx, `${engine} patient page`, () =>
      mix(ctx, server, hospital, patients),
    );
    const casePage = await repeat(ctx, `${engine} case page`, () => mix(ctx, server, hospital, cases));
    const inbox = await repeat(ctx, `${engine} inbox`, () => mix(ctx, server, clinician, ['/api/inbox']));
    // The access log's cost: the same reads, alternating logging on and off in this one run.
    const on: LoadFigures[] = [];
    const off: LoadFigures[] = [];
    for (let i = 0; i < ctx.settings.runs; i++) {
      // Alternate which goes first, so neither side always runs on a warmer or quieter machine.
      for (const logging of i % 2 === 0 ? [true, false] : [false, true]) {
        skipAccessLogForBenchmark(!logging);
        try {
          (logging ? on : off).push(await mix(ctx, server, hospital, patients));
        } finally {
          skipAccessLogForBenchmark(false);
        }
      }
      ctx.log(
        `    ${engine} access log on/off run ${i + 1}: ${on.at(-1)?.p50Ms} / ${off.at(-1)?.p50Ms} ms p50`,
      );
    }
    const logged = medianFigures(on);
    const unlogged = medianFigures(off);
    const added = {
      p50: round2(logged.p50Ms / unlogged.p50Ms - 1),
      p95: round2(logged.p95Ms / unlogged.p95Ms - 1),
      throughput: round2(1 - logged.throughputRps / unlogged.throughputRps),
    };
    const patientTarget = TARGETS.patientPageP95Ms[engine];
    const inboxTarget = engine === 'postgres' ? TARGETS.inboxP95Ms.postgres : null;
    return {
      sizes,
      patientPage: { ...patientPage, targetP95Ms: patientTarget, met: patientPage.p95Ms <= patientTarget },
      casePage,
      inbox: {
        ...inbox,
        circles: sizes.circles,
        targetP95Ms: inboxTarget,
        met: inboxTarget === null ? null : inbox.p95Ms <= inboxTarget,
      },
      accessLog: {
        logged,
        unlogged,
        added,
        targetAddedMax: TARGETS.accessLogAddedMax,
        met: added.p50 <= TARGETS.accessLogAddedMax,
      },
    };
  } finally {
    skipAccessLogForBenchmark(false);
    await server.stop();
  }
}

/** Issue 14: a patient page, an inbox in 200 circles and the access log's cost, at the issue's data size. */
export const scenario: BenchScenario = {
  issue: 14,
  name: 'discharge',
  summary:
    'patient page and case page p95 with 10,000 open cases / 100,000 patients / 1,000,000 timeline entries (× --scale); inbox in 200 circles; access log on vs off',
  async run(ctx) {
    const figures: Record<string, unknown> = {
      scale: ctx.settings.scale,
      note: 'accessLog.added is logged/unlogged − 1 on the same server and data, alternating runs',
    };
    for (const engine of ctx.settings.engines) figures[engine] = await measureEngine(ctx, engine);
    return figures;
  },
};
