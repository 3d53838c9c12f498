import type { DischargeCaseSummary, ProviderChangeDto } from '../../../contracts/discharge';
import type { ReferralDto } from '../../../contracts/referrals';
import { AppError } from '../../platform/errors';
import { type PatientSection, scopeOf } from '../patients';
import { partyOf } from './discharge.policy';
import { presentCaseSummary, presentChange } from './discharge.presenter';
import { type CaseRow, casesOfPatientQuery } from './discharge-case.queries';
import { BEHIND_GATE } from './discharge-case-detail';
import {
  type ChangeRow,
  type ConsentRow,
  changesOfPatientQuery,
  type ResponseRow,
} from './provider-change.queries';
import { type ReferralSummaryRow, referralSummariesOfPatientQuery } from './referral.queries';
import { presentReferralSummaries } from './referral-access';

// The patient page reads these rows in its own statement, after its access check, and logs one
// access-log row per row under recordType (patients/patient-sections.ts).

/** The patient page's `cases`, each counting its changes behind the gate and escalated. */
export const casesSection: PatientSection<CaseRow & { open_changes: number; escalations: number }> = {
  recordType: 'discharge_case',
  rows: (executor, _ctx, patient) =>
    casesOfPatientQuery(executor, patient.municipalityCode, patient.id, BEHIND_GATE),
  present: async (_executor, _ctx, patient, rows): Promise<DischargeCaseSummary[]> =>
    rows.map((r) =>
      presentCaseSummary(r, {
        patientName: patient.name,
        openChanges: r.open_changes,
        escalations: r.escalations,
      }),
    ),
};

/** The patient page's `providerChanges`, each with its id and status. */
export const changesSection: PatientSection<
  ChangeRow & { consent: ConsentRow | null; latest_response: ResponseRow | null }
> = {
  recordType: 'provider_change',
  rows: (executor, _ctx, patient) => changesOfPatientQuery(executor, patient.municipalityCode, patient.id),
  present: async (_executor, ctx, _patient, rows): Promise<ProviderChangeDto[]> => {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.required');
    return rows.map(({ consent, latest_response, ...row }) =>
      presentChange(row, consent ?? undefined, latest_response ?? undefined, partyOf(actor, row)),
    );
  },
};

/**
 * The patient page's `referrals` (the case page reads them through listReferralsOf), each with its
 * open count for the role and its recipient's capacity read in the page's statement: a patient
 * with referrals costs no more round trips than one without (the scope is the statement's own).
 */
export const referralsSection: PatientSection<ReferralSummaryRow> = {
  recordType: 'referral',
  rows: (executor, _ctx, patient) =>
    referralSummariesOfPatientQuery(executor, patient.municipalityCode, patient.id),
  present: async (executor, ctx, _patient, rows): Promise<ReferralDto[]> => {
    if (!ctx.actor) throw new AppError('auth.required');
    return presentReferralSummaries(ctx.actor, await scopeOf(executor, ctx), rows);
  },
};
