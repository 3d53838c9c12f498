import type {
  ContactCreateBody,
  ContactDto,
  DischargeCaseCreateBody,
  DischargeCaseDetail,
  DischargeCaseListQuery,
  DischargeCaseSummary,
  DischargeCaseTransitionBody,
  TaskCreateBody,
  TaskDto,
} from '../../../contracts/discharge';
import type { Page } from '../../../contracts/page';
import { recordListAccess, withAccessBatch } from '../../platform/access-log/access-log.service';
import type { RequestContext } from '../../platform/context';
import { decodeTimeCursor, toPage } from '../../platform/db/pagination';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { clock } from '../../platform/time/clock';
import { runUseCase } from '../../platform/use-case';
import { addCircleMember, assertPatientAccess, currentCircle, scopeOf } from '../patients';
import { assertCoordinator, coordinatingOrganisation } from './discharge.policy';
import { presentCaseSummary, presentContact, presentTask } from './discharge.presenter';
import {
  type CaseRow,
  findCase,
  findFacilityName,
  findOrganisationOfFacility,
  insertCase,
  insertCaseItems,
  insertChecklistTemplate,
  insertContact,
  insertTask,
  listCaseRows,
  listChecklistTemplate,
  updateCase,
  updateCaseItem,
  updateTask,
} from './discharge-case.queries';
import { loadCaseDetail } from './discharge-case-detail';
import { dischargeCaseWorkflow } from './discharge-case-status';
import { noticeFor, sendNotices, TOLD_AT_ADMISSION } from './notice.service';

type Deps = Pick<ModuleDeps, 'db'>;

/** What the 包括 checks first when a hospital calls (research note F3); a ward may change its list. */
export const DEFAULT_CHECKLIST = [
  '介護保険の申請状況',
  '在宅で必要なサービス',
  '疾患に応じた配慮',
  '医療材料',
  '住環境',
];

const ONE_ACTIVE = { discharge_cases_one_active: 'discharge.case_open' } as const;

/**
 * Opens a discharge case and tells the family doctor, dentist, pharmacy and care manager of the
 * circle now, at admission. Throws auth.forbidden, patients.not_found, discharge.hospital_required,
 * discharge.discharge_before_admission,
 * discharge.case_open.
 */
export async function openCase(
  deps: Deps,
  ctx: RequestContext,
  body: DischargeCaseCreateBody,
): Promise<DischargeCaseDetail> {
  const id = await runUseCase(
    deps,
    ctx,
    async ({ trx, actor, now, audit }) => {
      assertCoordinator(actor);
      const patient = await assertPatientAccess(trx, ctx, body.patientId, 'write', {
        recordType: 'discharge_case',
      });
      const hospital = body.hospitalFacilityId
        ? await resolveHospital(trx, actor.municipalityCode, body.hospitalFacilityId)
        : undefined;
      const hospitalName = hospital?.name ?? body.hospitalName;
      if (!hospitalName) throw new AppError('discharge.hospital_required');
      assertDischargeNotBeforeAdmission(body.admittedOn, body.expectedDischargeOn);
      const row = await insertCase(trx, {
        municipality_code: actor.municipalityCode,
        patient_id: patient.id,
        hospital_facility_id: body.hospitalFacilityId ?? null,
        // hospital staff open their own hospital's cases: its liaison office gets the escalations
        hospital_organisation_id:
          hospital?.organisationId ??
          actor.memberships.find((m) => m.role === 'hospital_staff')?.organisationId ??
          null,
        hospital_name: hospitalName,
        admitted_on: body.admittedOn,
        expected_discharge_on: body.expectedDischargeOn ?? null,
        note: body.note ?? null,
        opened_by: actor.userId,
        opened_by_organisation_id: coordinatingOrganisation(actor) ?? null,
        created_at: now,
        updated_at: now,
      });
      await insertCaseItems(trx, row, await checklistOf(trx, actor.municipalityCode));
      const circle = await currentCircle(trx, actor.municipalityCode, patient.id);
      // A hospital outside the circle joins it as the admitting hospital, so its staff see the case.
      if (
        hospital?.organisationId &&
        !circle.some((m) => m.role === 'admitting_hospital' && m.organisationId === hospital.organisationId)
      ) {
        await addCircleMember(
          trx,
          {
            patientId: patient.id,
            role: 'admitting_hospital',
            facilityId: body.hospitalFacilityId,
            organisationId: hospital.organisationId,
            from: now,
            reason: 'discharge case',
            actor,
          },
          now,
        );
      }
      const told = circle.filter((m) => (TOLD_AT_ADMISSION as readonly string[]).includes(m.role));
      const notices = await sendNotices(
        trx,
        told.map((m) =>
          noticeFor(m, {
            municipality_code: actor.municipalityCode,
            kind: 'admission',
            patient_id: patient.id,
            case_id: row.id,
            created_at: now,
          }),
        ),
      );
      await audit({
        action: 'discharge.case.open',
        recordType: 'discharge_case',
        recordId: row.id,
        patientId: patient.id,
        details: { hospital: hospitalName, notified: notices.length },
      });
      return row.id;
    },
    { uniqueViolations: ONE_ACTIVE },
  );
  return getCase(deps, ctx, id);
}

async function resolveHospital(
  trx: Parameters<typeof findFacilityName>[0],
  municipalityCode: string,
  facilityId: string,
) {
  const name = await findFacilityName(trx, facilityId);
  if (!name) throw new AppError('directory.facility_not_found');
  const organisation = await findOrganisationOfFacility(trx, municipalityCode, facilityId);
  return { name, organisationId: organisation?.id };
}

async function checklistOf(trx: Parameters<typeof listChecklistTemplate>[0], municipalityCode: string) {
  let rows = await listChecklistTemplate(trx, municipalityCode);
  if (rows.length === 0) {
    await insertChecklistTemplate(trx, municipalityCode, DEFAULT_CHECKLIST);
    rows = await listChecklistTemplate(trx, municipalityCode);
  }
  return rows;
}

/** Loads a case for a step: locked, its patient reachable by the actor. Throws not_found. */
async function lockCase(
  trx: Parameters<typeof findCase>[0],
  ctx: RequestContext,
  municipalityCode: string,
  caseId: string,
): Promise<CaseRow> {
  const row = await findCase(trx, municipalityCode, caseId, true);
  if (!row) throw new AppError('not_found');
  await assertPatientAccess(trx, ctx, row.patient_id, 'write', {
    recordType: 'discharge_case',
    recordId: row.id,
  });
  return row;
}

/**
 * The table's CHECK (expected_discharge_on >= admitted_on) as a 400 the user can act on, not a 500.
 * Both are ISO dates (YYYY-MM-DD), so comparing the strings compares the days.
 */
function assertDischargeNotBeforeAdmission(
  admittedOn: string,
  expectedDischargeOn: string | undefined,
): void {
  if (expectedDischargeOn && expectedDischargeOn < admittedOn)
    throw new AppError('discharge.discharge_before_admission');
}

/**
 * Moves a case along its workflow. Throws not_found, auth.forbidden, discharge.invalid_transition,
 * discharge.discharge_before_admission.
 */
export async function transitionCase(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  body: DischargeCaseTransitionBody,
): Promise<DischargeCaseDetail> {
  await runUseCase(deps, ctx, async ({ trx, actor, now, audit }) => {
    assertCoordinator(actor);
    const row = await lockCase(trx, ctx, actor.municipalityCode, caseId);
    const status = dischargeCaseWorkflow.next(row.status, body.event);
    assertDischargeNotBeforeAdmission(row.admitted_on, body.expectedDischargeOn);
    await updateCase(trx, row.id, {
      status,
      updated_at: now,
      ...(body.expectedDischargeOn ? { expected_discharge_on: body.expectedDischargeOn } : {}),
      ...(status === 'discharged' ? { discharged_at: now } : {}),
    });
    await audit({
      action: `discharge.case.${body.event}`,
      recordType: 'discharge_case',
      recordId: row.id,
      patientId: row.patient_id,
      details: { from: row.status, to: status, note: body.note ?? null },
    });
  });
  return getCase(deps, ctx, caseId);
}

/** Ticks or unticks a checklist line. Throws not_found, auth.forbidden. */
export async function setChecklistItem(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  itemId: string,
  body: { done: boolean; note?: string },
): Promise<void> {
  await runUseCase(deps, ctx, async ({ trx, actor, now }) => {
    assertCoordinator(actor);
    await lockCase(trx, ctx, actor.municipalityCode, caseId);
    const row = await updateCaseItem(trx, caseId, itemId, {
      done: body.done,
      note: body.note ?? null,
      done_by: body.done ? actor.userId : null,
      done_at: body.done ? now : null,
    });
    if (!row) throw new AppError('not_found');
  });
}

/** Adds a task (owner, due date). Throws not_found, auth.forbidden. */
export async function addTask(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  body: TaskCreateBody,
): Promise<TaskDto> {
  return runUseCase(deps, ctx, async ({ trx, actor, now }) => {
    assertCoordinator(actor);
    const row = await lockCase(trx, ctx, actor.municipalityCode, caseId);
    const task = await insertTask(trx, {
      municipality_code: row.municipality_code,
      case_id: row.id,
      title: body.title,
      owner_name: body.ownerName,
      due_on: body.dueOn ?? null,
      created_by: actor.userId,
      created_at: now,
    });
    return presentTask(task);
  });
}

/** Marks a task done or not. Throws not_found, auth.forbidden. */
export async function setTaskDone(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  taskId: string,
  done: boolean,
): Promise<TaskDto> {
  return runUseCase(deps, ctx, async ({ trx, actor, now }) => {
    assertCoordinator(actor);
    await lockCase(trx, ctx, actor.municipalityCode, caseId);
    const task = await updateTask(trx, caseId, taskId, done, now);
    if (!task) throw new AppError('not_found');
    return presentTask(task);
  });
}

/** Adds a contact to the timeline (phone, visit, FAX, message, video 退院時共同指導). */
export async function addContact(
  deps: Deps,
  ctx: RequestContext,
  caseId: string,
  body: ContactCreateBody,
): Promise<ContactDto> {
  return runUseCase(deps, ctx, async ({ trx, actor, now }) => {
    assertCoordinator(actor);
    const row = await lockCase(trx, ctx, actor.municipalityCode, caseId);
    const at = new Date(body.at);
    if (at.getTime() > now.getTime() + 60_000) throw new AppError('request.invalid', { at: 'future' });
    const contact = await insertContact(trx, {
      municipality_code: row.municipality_code,
      case_id: row.id,
      kind: body.kind,
      with_whom: body.withWhom,
      at,
      outcome: body.outcome,
      recorded_by: actor.userId,
      recorded_by_label: actor.displayName,
      created_at: now,
    });
    return presentContact(contact);
  });
}

/**
 * One case with everything its page shows. Throws not_found (also outside the patient's circle).
 * Reads only, so no transaction: begin and commit were two round trips more, and at read committed
 * a transaction would not give the page's reads one snapshot anyway (each statement takes its
 * own). The access-log row of the patient gate is written before the answer leaves, in one insert
 * with any other the page records (withAccessBatch, as the patient page).
 */
export async function getCase(deps: Deps, ctx: RequestContext, caseId: string): Promise<DischargeCaseDetail> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  return withAccessBatch(deps.db, ctx, async () => {
    const row = await findCase(deps.db, actor.municipalityCode, caseId);
    if (!row) throw new AppError('not_found');
    const patient = await assertPatientAccess(deps.db, ctx, row.patient_id, 'read', {
      recordType: 'discharge_case',
      recordId: row.id,
    });
    return loadCaseDetail(deps.db, actor, row, patient.name);
  });
}

/**
 * The caller's cases, newest first, in the one list pattern: the hospital's own patients, the
 * 包括's district; only patients the caller can see (never a count of others). `filter=escalated`
 * is the 包括's escalation queue. Reads only (no transaction); each listed case's read is logged.
 * Throws request.invalid for a cursor this list did not write.
 */
export async function listCases(
  deps: Deps,
  ctx: RequestContext,
  query: DischargeCaseListQuery,
): Promise<Page<DischargeCaseSummary>> {
  const scope = await scopeOf(deps.db, ctx);
  const rows = await listCaseRows(deps.db, {
    scope,
    now: clock.now(),
    filter: query.filter,
    after: decodeTimeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = toPage(
    rows,
    query,
    (r) => ({ sort: r.created_at, id: r.id }),
    (r) =>
      presentCaseSummary(r, {
        patientName: r.patient_name,
        openChanges: Number(r.open_changes ?? 0),
        escalations: Number(r.escalations ?? 0),
      }),
  );
  await recordListAccess(deps.db, ctx, page.items, (c) => ({
    patientId: c.patientId,
    recordType: 'discharge_case',
    recordId: c.id,
  }));
  return page;
}
