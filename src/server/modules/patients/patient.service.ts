import type { Transaction } from 'kysely';
import { normalizeSearchKey } from '../../../contracts/japanese-text';
import type {
  Patient,
  PatientCreated,
  PatientDetail,
  PatientInput,
  PatientList,
  PatientListQuery,
  PatientPatch,
} from '../../../contracts/patients';
import {
  accessLogInsertFor,
  countRecordedAccesses,
  recordAccess,
  recordListAccess,
  withAccessBatch,
} from '../../platform/access-log/access-log.service';
import type { RequestContext } from '../../platform/context';
import { decodeCursorOf, TEXT_UUID, toPage } from '../../platform/db/pagination';
import type { Database } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { clock } from '../../platform/time/clock';
import { runUseCase } from '../../platform/use-case';
import { resolveTown } from '../directory';
import { findOrganisation } from './care-circle.queries';
import { addCircleMember } from './care-circle.service';
import { toCircleMember, toPatient, toPatientSummary } from './patient.presenter';
import {
  countSameKanaAndBirthDate,
  insertPatient,
  listVisiblePatients,
  updatePatientRow,
} from './patient.queries';
import { CLINICAL_ROLES, canRegisterPatients, circleRoleOfRegistrar } from './patient-access.policy';
import { findPatientPage } from './patient-access.queries';
import {
  assertPatientAccessWithBasis,
  type PatientRow,
  rememberScope,
  scopeOf,
} from './patient-access.service';
import { patientSectionQueries, presentPatientSections } from './patient-sections';

type Deps = Pick<ModuleDeps, 'db'>;

/** The caller's visible patients, in kana order; each listed patient's access is logged. */
export async function listPatients(
  deps: Deps,
  ctx: RequestContext,
  query: PatientListQuery,
): Promise<PatientList> {
  const scope = await scopeOf(deps.db, ctx);
  const kanaKey = query.kana ? normalizeSearchKey(query.kana) : undefined;
  const rows = await listVisiblePatients(deps.db, scope, clock.now(), {
    kanaKey,
    after: decodeCursorOf(query.cursor, TEXT_UUID),
    limit: query.limit + 1,
  });
  const page = toPage(rows, query, (r) => ({ sort: r.kana_key, id: r.id }), toPatientSummary);
  await recordListAccess(deps.db, ctx, page.items, (p) => ({
    patientId: p.id,
    recordType: 'patient_list',
    recordId: null,
  }));
  return page;
}

async function townOf(trx: Transaction<Database>, municipalityCode: string, town: string) {
  const found = await resolveTown(trx, municipalityCode, town);
  if (!found) throw new AppError('patients.unknown_town');
  return found;
}

/**
 * Registers a patient. The registrar's organisation joins the circle (a hospital as the admitting
 * hospital), so they can see what they registered. Answers possibleDuplicate when the kana and
 * birth date match another patient of the municipality. Throws auth.forbidden (no clinical role),
 * patients.unknown_town.
 */
export async function createPatient(
  deps: Deps,
  ctx: RequestContext,
  input: PatientInput,
): Promise<PatientCreated> {
  return runUseCase(deps, ctx, async ({ trx, actor, now, audit }) => {
    if (!canRegisterPatients(actor)) throw new AppError('auth.forbidden');
    const municipalityCode = actor.municipalityCode;
    const town = await townOf(trx, municipalityCode, input.addressTown);
    const kanaKey = normalizeSearchKey(input.nameKana);
    const row = await insertPatient(trx, {
      municipality_code: municipalityCode,
      name: input.name,
      name_kana: input.nameKana,
      kana_key: kanaKey,
      birth_date: input.birthDate,
      sex: input.sex,
      address_town: town.name,
      address_detail: input.addressDetail,
      district_code: town.district_code,
      insurer_number: input.insurerNumber,
      insured_number: input.insuredNumber,
      care_level: input.careLevel,
      key_person: input.keyPerson ? JSON.stringify(input.keyPerson) : null,
      contacts: JSON.stringify(input.contacts),
      merged_into: null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    const membership = actor.memberships.find((m) => CLINICAL_ROLES.includes(m.role));
    if (membership) {
      const organisation = await findOrganisation(trx, municipalityCode, membership.organisationId);
      const role = organisation && circleRoleOfRegistrar(membership.role, organisation.kind);
      if (organisation && role) {
        await addCircleMember(
          trx,
          {
            patientId: row.id,
            role,
            facilityId: organisation.facility_id,
            organisationId: organisation.id,
            from: now,
            reason: 'registered',
            actor,
          },
          now,
        );
      }
    }
    const duplicates = await countSameKanaAndBirthDate(
      trx,
      municipalityCode,
      kanaKey,
      input.birthDate,
      row.id,
    );
    await recordAccess(trx, ctx, {
      patientId: row.id,
      recordType: 'patient',
      recordId: row.id,
      action: 'write',
      basis: 'circle',
    });
    await audit({
      action: 'patient.create',
      recordType: 'patient',
      recordId: row.id,
      patientId: row.id,
      details: { possibleDuplicate: duplicates > 0 },
    });
    return { patient: toPatient(row), possibleDuplicate: duplicates > 0 };
  });
}

/**
 * The patient page: patient, current circle and the other modules' sections, read with the access
 * check and the access log in one statement (findPatientPage). Throws patients.not_found.
 */
export async function getPatientDetail(
  deps: Deps,
  ctx: RequestContext,
  patientId: string,
): Promise<PatientDetail> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  // A section's presenter that records more accesses adds them to one insert at the end.
  return withAccessBatch(deps.db, ctx, async () => {
    const page = await findPatientPage(
      deps.db,
      actor,
      patientId,
      clock.now(),
      patientSectionQueries(deps.db, ctx, { municipalityCode: actor.municipalityCode, id: patientId }),
      accessLogInsertFor(deps.db, ctx),
    );
    if (!page) throw new AppError('patients.not_found');
    countRecordedAccesses(page.logged);
    rememberScope(ctx, page.scope);
    const patient = page.patient as PatientRow;
    const sections = await presentPatientSections(deps.db, ctx, patient, page.sections);
    return {
      ...sections,
      patient: toPatient(patient),
      circle: page.circle.map(toCircleMember),
      accessBasis: page.basis,
    };
  });
}

/** Changes the patient's minimum data. Throws patients.not_found, patients.break_glass_read_only, patients.unknown_town. */
export async function updatePatient(
  deps: Deps,
  ctx: RequestContext,
  patientId: string,
  patch: PatientPatch,
): Promise<Patient> {
  return runUseCase(deps, ctx, async ({ trx, now, audit }) => {
    const current = await assertPatientAccessWithBasis(trx, ctx, patientId, 'write');
    await trx.selectFrom('patients').select('id').where('id', '=', patientId).forUpdate().execute();
    const set: Parameters<typeof updatePatientRow>[2] = { updated_at: now };
    if (patch.name !== undefined) set.name = patch.name;
    if (patch.nameKana !== undefined) {
      set.name_kana = patch.nameKana;
      set.kana_key = normalizeSearchKey(patch.nameKana);
    }
    if (patch.birthDate !== undefined) set.birth_date = patch.birthDate;
    if (patch.sex !== undefined) set.sex = patch.sex;
    if (patch.addressTown !== undefined) {
      const town = await townOf(trx, current.patient.municipality_code, patch.addressTown);
      set.address_town = town.name;
      set.district_code = town.district_code;
    }
    if (patch.addressDetail !== undefined) set.address_detail = patch.addressDetail;
    if (patch.insurerNumber !== undefined) set.insurer_number = patch.insurerNumber;
    if (patch.insuredNumber !== undefined) set.insured_number = patch.insuredNumber;
    if (patch.careLevel !== undefined) set.care_level = patch.careLevel;
    if (patch.keyPerson !== undefined)
      set.key_person = patch.keyPerson ? JSON.stringify(patch.keyPerson) : null;
    if (patch.contacts !== undefined) set.contacts = JSON.stringify(patch.contacts);
    const row = await updatePatientRow(trx, patientId, set);
    await audit({
      action: 'patient.update',
      recordType: 'patient',
      recordId: patientId,
      patientId,
      // Field names only: the values are personal data and stay out of the audit log.
      details: { fields: Object.keys(patch).filter((k) => patch[k as keyof PatientPatch] !== undefined) },
    });
    return toPatient(row);
  });
}
