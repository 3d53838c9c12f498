import { beforeAll, describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import {
  createScenePatient,
  insertProviderChange,
  openSceneCase,
  signedInContext,
} from '../../../../test/support/factories/discharge';
import type { DischargeCaseDetail, DischargeCaseSummary } from '../../../contracts/discharge';
import type { Page } from '../../../contracts/page';
import { encodeCursor } from '../../platform/db/pagination';
import { getCase } from './discharge-case.service';

type ErrorAnswer = { error: { code: string } };
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/**
 * The case list in the one list pattern (`?cursor=&limit=` → `{ items, nextCursor }`, keyset on
 * created_at and id), and the case page read without a transaction.
 */
describe('the discharge-case list', () => {
  const d = startDischargeSuite();
  const opened: string[] = [];
  let closedId: string;
  let escalatedId: string;

  beforeAll(async () => {
    // Three cases opened over the API (the clock's milliseconds) …
    for (let i = 0; i < 3; i++) {
      const patient = await createScenePatient(d.t.db, d.s);
      opened.push((await openSceneCase(d.api, d.s, patient.id)).id);
    }
    // … and four written by one statement with the database's now(), as a seed or an import does:
    // they share one created_at, which PostgreSQL keeps to the microsecond unless the column says
    // otherwise, while the cursor carries milliseconds.
    const patients = await Promise.all([1, 2, 3, 4].map(() => createScenePatient(d.t.db, d.s)));
    const rows = await d.t.db
      .insertInto('discharge_cases')
      .values(
        patients.map((p, i) => ({
          municipality_code: d.s.municipalityCode,
          patient_id: p.id,
          hospital_facility_id: d.s.hospital.facilityId,
          hospital_organisation_id: d.s.hospital.organisationId,
          hospital_name: '一覧テスト病院',
          admitted_on: '2026-11-20',
          expected_discharge_on: null,
          status: i === 0 ? ('closed' as const) : ('planning' as const),
          note: null,
          opened_by: d.s.hospital.staff.id,
          opened_by_organisation_id: d.s.hospital.organisationId,
        })),
      )
      .returning(['id', 'patient_id', 'status'])
      .execute();
    closedId = rows.find((r) => r.status === 'closed')?.id as string;
    const escalated = rows.find((r) => r.status === 'planning') as (typeof rows)[number];
    escalatedId = escalated.id;
    const changeId = await insertProviderChange(d.t.db, {
      municipalityCode: d.s.municipalityCode,
      patientId: escalated.patient_id,
      caseId: escalated.id,
      status: 'proposed',
      createdAt: new Date(),
    });
    await d.t.db
      .updateTable('provider_changes')
      .set({ status: 'escalated', escalated_at: new Date() })
      .where('id', '=', changeId)
      .execute();
  });

  /** Every case of the filter, newest first, as the list's keyset orders them. */
  const newestFirst = async (filter: 'all' | 'active') => {
    const rows = await d.t.db
      .selectFrom('discharge_cases')
      .select(['id', 'status'])
      .where('municipality_code', '=', d.s.municipalityCode)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.filter((r) => filter === 'all' || r.status !== 'closed').map((r) => r.id);
  };

  /** Follows nextCursor from the first page to the last. */
  const pageThrough = async (filter: string, limit: number) => {
    const pages: Array<Page<DischargeCaseSummary>> = [];
    let cursor: string | null = null;
    do {
      const query: string = `filter=${filter}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await d.api
        .as(d.s.hospital.staff)
        .get<Page<DischargeCaseSummary>>(`/api/discharge-cases?${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      pages.push(res.body);
      cursor = res.body.nextCursor;
    } while (cursor !== null && pages.length < 20);
    return pages;
  };

  it('gives each case exactly once, newest first, when paged two at a time', async () => {
    const expected = await newestFirst('all');
    expect(expected).toHaveLength(7);
    const pages = await pageThrough('all', 2);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 2, 1]);
    expect(pages.flatMap((p) => p.items.map((c) => c.id))).toEqual(expected);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    // the ones opened over the API are among them, oldest last
    expect(expected.slice(-3)).toEqual([...opened].reverse());
  });

  it('keeps its filters: active (the default) leaves the closed case out, escalated is the 包括 queue', async () => {
    const active = await pageThrough('active', 4);
    const activeIds = active.flatMap((p) => p.items.map((c) => c.id));
    expect(activeIds).toEqual(await newestFirst('active'));
    expect(activeIds).not.toContain(closedId);
    const byDefault = await d.api
      .as(d.s.hospital.staff)
      .get<Page<DischargeCaseSummary>>('/api/discharge-cases?limit=50');
    expect(byDefault.body.items.map((c) => c.id)).toEqual(activeIds);

    const escalated = await pageThrough('escalated', 1);
    expect(escalated.flatMap((p) => p.items.map((c) => [c.id, c.escalations]))).toEqual([[escalatedId, 1]]);
  });

  it('logs the read of every listed case', async () => {
    const reads = () =>
      d.t.db
        .selectFrom('access_log')
        .select('record_id')
        .where('actor_user_id', '=', d.s.hospital.staff.id)
        .where('record_type', '=', 'discharge_case')
        .where('action', '=', 'read')
        .where('record_id', 'is not', null)
        .execute();
    const before = (await reads()).map((r) => r.record_id);
    const page = await d.api
      .as(d.s.hospital.staff)
      .get<Page<DischargeCaseSummary>>('/api/discharge-cases?filter=all&limit=3');
    const after = (await reads()).map((r) => r.record_id);
    const listed = page.body.items.map((c) => c.id);
    expect(listed).toHaveLength(3);
    expect(after).toHaveLength(before.length + 3);
    for (const id of listed)
      expect(after.filter((r) => r === id).length, id).toBe(before.filter((r) => r === id).length + 1);
  });

  it('refuses a tampered cursor and a cursor of another list with 400 request.invalid, logging nothing, as the referral and document lists do', async () => {
    const staff = d.api.as(d.s.hospital.staff);
    const first = await staff.get<Page<DischargeCaseSummary>>('/api/discharge-cases?filter=all&limit=2');
    const real = first.body.nextCursor as string;
    const patients = await staff.get<{ nextCursor: string | null }>('/api/patients?limit=1');
    expect(patients.body.nextCursor).not.toBeNull();
    const [, id] = JSON.parse(Buffer.from(real, 'base64url').toString('utf8')) as [string, string];
    const refused = {
      'a cursor that is not ours': base64url({ sort: 1 }),
      'a cursor that is not JSON': `${real.slice(0, -4)}AAAA`,
      'the patient list (kana order)': patients.body.nextCursor as string,
      'the audit log (ids)': encodeCursor({ sort: 42, id: 42 }),
      'a time that is no time': base64url(['2026-02-30T00:00:00.000Z', id]),
      'a date without its time': base64url(['2026-12-02', id]),
      'an id that is no uuid': base64url([new Date().toISOString(), 'x; drop table patients']),
    };
    const logged = () =>
      d.t.db
        .selectFrom('access_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
    const before = await logged();
    // The other lists sorted by a time read their cursor the same way (they answered 500).
    const lists = [
      '/api/discharge-cases?filter=all',
      '/api/referrals/incoming?open=false',
      `/api/documents?patientId=${d.s.patient.id}`,
    ];
    for (const list of lists)
      for (const [what, cursor] of Object.entries(refused)) {
        const res = await staff.get<ErrorAnswer>(`${list}&cursor=${cursor}`);
        expect(res.status, `${list}: ${what}`).toBe(400);
        expect(res.body.error.code, `${list}: ${what}`).toBe('request.invalid');
      }
    expect(Number((await logged()).n)).toBe(Number(before.n));
  });
});

describe('the case page', () => {
  const d = startDischargeSuite();

  it('reads without opening a transaction, and still logs the read', async () => {
    const { id } = await openSceneCase(d.api, d.s);
    const overHttp = await d.api
      .as(d.s.hospital.staff)
      .get<DischargeCaseDetail>(`/api/discharge-cases/${id}`);
    expect(overHttp.status).toBe(200);

    // The real database, watched: every transaction the service opens is counted.
    let transactions = 0;
    const db = new Proxy(d.t.db, {
      get(target, property) {
        if (property === 'transaction') transactions++;
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as typeof d.t.db;
    const ctx = { ...signedInContext(d.s.hospital.staff), requestId: `case-page-${id}` };
    const detail = await getCase({ db }, ctx, id);

    expect(transactions).toBe(0);
    expect(detail).toEqual(overHttp.body);
    const logged = await d.t.db
      .selectFrom('access_log')
      .select(['patient_id', 'record_type', 'record_id', 'action'])
      .where('request_id', '=', ctx.requestId)
      .execute();
    expect(logged).toEqual([
      { patient_id: d.s.patient.id, record_type: 'discharge_case', record_id: id, action: 'read' },
    ]);
  });

  it('answers 404 outside the circle and logs no read', async () => {
    const patient = await createScenePatient(d.t.db, d.s);
    const { id } = await openSceneCase(d.api, d.s, patient.id);
    const ctx = { ...signedInContext(d.s.outsider), requestId: `outsider-${id}` };
    await expect(getCase({ db: d.t.db }, ctx, id)).rejects.toThrow(
      expect.objectContaining({ code: 'patients.not_found' }),
    );
    const res = await d.api.as(d.s.outsider).get<ErrorAnswer>(`/api/discharge-cases/${id}`);
    expect(res.status).toBe(404);
    const logged = await d.t.db
      .selectFrom('access_log')
      .select('id')
      .where('request_id', '=', ctx.requestId)
      .execute();
    expect(logged).toEqual([]);
  });
});
