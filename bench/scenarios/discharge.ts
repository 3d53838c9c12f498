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
const CHECKLIST_ITEMS = 5;
// Shares of the open cases: a provider change in 1 of 5, a referral in 1 of 10, an earlier stay
// (closed case with a 看護サマリー) in 1 of 10; every tenth patient has all of them (fullPatientId).
const CHANGE_EVERY = 5;
const REFERRAL_EVERY = 10;
const EARLIER_STAY_EVERY = 10;
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
  // The patient page's other sections (cases, provider changes, referrals, documents) and the case
  // page's checklist, in realistic shares, so their plans are measured too (set-based as above).
  await step(
    `${n.cases * CHECKLIST_ITEMS} checklist items`,
    sql`insert into discharge_case_items (municipality_code, case_id, position, label, done)
      select '131105', c.id, g, (array['介護保険の申請状況', '在宅で必要なサービス', '疾患に応じた配慮', '医療材料', '住環境'])[g],
        g <= 2
      from discharge_cases c cross join generate_series(1, ${CHECKLIST_ITEMS}) g
      where c.hospital_name = 'ベンチ病院'`,
  );
  // One case in CHANGE_EVERY proposes 訪問診療 in place of the family doctor, in the open states
  // behind the gate; the consented ones carry their consent.
  await step(
    `${Math.floor(n.cases / CHANGE_EVERY)} provider changes`,
    sql`with changes as (
        insert into provider_changes (municipality_code, patient_id, case_id, role, to_role, from_organisation_id,
          from_label, to_label, status, notified_at, due_at, proposed_by)
        select '131105', c.patient_id, c.id, 'family_doctor', 'home_visit_doctor', ${clinician.organisationId}::uuid,
          'ベンチ診療所', 'ベンチ訪問診療所', s.status,
          case when s.status = 'incumbent_notified' then now() - interval '1 day' end,
          case when s.status = 'incumbent_notified' then now() + interval '1 day' end, ${hospital.userId}::uuid
        from bench_patients p join discharge_cases c on c.patient_id = p.id and c.hospital_name = 'ベンチ病院'
        cross join lateral (select (array['proposed', 'awaiting_consent', 'consented', 'incumbent_notified'])[1 + ((p.rn / ${CHANGE_EVERY}) % 4)::int] as status) s
        where p.rn % ${CHANGE_EVERY} = 0
        returning id, status
      )
      insert into provider_change_consents (change_id, municipality_code, given_by, given_at, method, agreed,
        offered_keep_current, offered_shared_care, recorded_by, recorded_by_label, recorded_at)
      select id, '131105', 'patient', now() - interval '2 days', 'in_person', '訪問診療への切り替えに同意', true, true,
        ${hospital.userId}::uuid, 'ベンチ', now() - interval '2 days'
      from changes where status in ('consented', 'incumbent_notified')`,
  );
  // One case in REFERRAL_EVERY has sent a referral to a visiting nurse station of the directory.
  await step(
    `${Math.floor(n.cases / REFERRAL_EVERY)} referrals`,
    sql`with f as (select id, name, row_number() over (order by id) - 1 as k, count(*) over () as n from facilities)
      insert into referrals (municipality_code, patient_id, case_id, role, recipient_facility_id, recipient_label, status,
        sender_organisation_id, sender_label, created_by, sent_at, agreement_given_by, agreement_method, agreement_given_at)
      select '131105', c.patient_id, c.id, 'visiting_nurse', f.id, left(f.name, 200), 'sent',
        ${hospital.organisationId}::uuid, 'ベンチ病院', ${hospital.userId}::uuid, now() - interval '1 day', 'patient', 'in_person',
        now() - interval '2 days'
      from bench_patients p join discharge_cases c on c.patient_id = p.id and c.hospital_name = 'ベンチ病院'
      join f on f.k = p.rn % f.n
      where p.rn % ${REFERRAL_EVERY} = 0`,
  );
  // One patient in EARLIER_STAY_EVERY had an earlier stay: a closed, discharged case with its final
  // 看護サマリー (one per discharged case), which the patient page lists under documents.
  await step(
    `${Math.floor(n.cases / EARLIER_STAY_EVERY)} earlier stays with a nursing summary`,
    sql`with earlier as (
        insert into discharge_cases (municipality_code, patient_id, hospital_organisation_id, hospital_name, admitted_on,
          expected_discharge_on, status, discharged_at, opened_by, opened_by_organisation_id, created_at)
        select '131105', p.id, ${hospital.organisationId}::uuid, 'ベンチ病院（前回）', current_date - 400, current_date - 380,
          'closed', now() - interval '380 days', ${hospital.userId}::uuid, ${hospital.organisationId}::uuid, now() - interval '400 days'
        from bench_patients p where p.rn <= ${n.cases} and p.rn % ${EARLIER_STAY_EVERY} = 0
        returning id, patient_id
      ),
      docs as (
        insert into documents (municipality_code, patient_id, case_id, kind, status, title, author_organisation_id,
          created_by, created_at, updated_at, finalised_at)
        select '131105', e.patient_id, e.id, 'nursing_summary', 'final', '看護サマリー', ${hospital.organisationId}::uuid,
          ${hospital.userId}::uuid, now() - interval '381 days', now() - interval '380 days', now() - interval '380 days'
        from earlier e
        returning id, finalised_at
      )
      insert into document_versions (document_id, version, status, title, content, saved_by, saved_by_label, saved_at)
      select id, 1, 'final', '看護サマリー', '{}'::jsonb, ${hospital.userId}::uuid, 'ベンチ', finalised_at from docs`,
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

/** A patient whose page has a row in every section (a case, a change, a referral, a document). */
export async function fullPatientId(db: Db): Promise<string> {
  const row = await db
    .selectFrom('referrals as r')
    .innerJoin('provider_changes as c', 'c.patient_id', 'r.patient_id')
    .innerJoin('documents as d', 'd.patient_id', 'r.patient_id')
    .select('r.patient_id as id')
    .orderBy('r.patient_id')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.id;
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
