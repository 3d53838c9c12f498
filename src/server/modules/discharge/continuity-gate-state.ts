import type { ProviderChangeStatus } from '../../../contracts/discharge';
import type { Executor } from '../../platform/db/schema';
import { findCase } from './discharge-case.queries';
import { findChange } from './provider-change.queries';
import { mayRequestReferral } from './provider-change-status';

/**
 * The continuity gate as another module sees it (the documents module: a 紹介状 linked to a
 * change is not issued before the change's consent). No access check here: the caller has checked
 * the patient with assertPatientAccess and compares `patientId`.
 */
export async function findChangeGate(
  executor: Executor,
  municipalityCode: string,
  changeId: string,
): Promise<{ patientId: string; status: ProviderChangeStatus; referralAllowed: boolean } | undefined> {
  const row = await findChange(executor, municipalityCode, changeId);
  if (!row) return undefined;
  return { patientId: row.patient_id, status: row.status, referralAllowed: mayRequestReferral(row.status) };
}

/** Which patient a discharge case belongs to (undefined when the municipality has no such case). */
export async function findCasePatient(
  executor: Executor,
  municipalityCode: string,
  caseId: string,
): Promise<string | undefined> {
  return (await findCase(executor, municipalityCode, caseId))?.patient_id;
}

/**
 * What another module shows of a discharge case it links to (the document page's link back): its
 * patient, hospital and admission day. No access check here: the caller has checked the patient
 * with assertPatientAccess (the case page's own gate) and compares `patientId`.
 */
export async function findCaseHeading(
  executor: Executor,
  municipalityCode: string,
  caseId: string,
): Promise<{ patientId: string; hospitalName: string; admittedOn: string } | undefined> {
  const row = await findCase(executor, municipalityCode, caseId);
  return row
    ? { patientId: row.patient_id, hospitalName: row.hospital_name, admittedOn: row.admitted_on }
    : undefined;
}
