import { afterEach, describe, expect, it } from 'vitest';
import { startDischargeSuite } from '../../../../test/support/discharge-suite';
import { createScenePatient, signedInContext } from '../../../../test/support/factories/discharge';
import { inboxJobs } from '../../platform/inbox/fan-out.job';
import { runDueJobs } from '../../platform/jobs/job-runner';
import { scheduleJob } from '../../platform/jobs/schedule-job';
import { setClockForTests } from '../../platform/time/clock';
import { ESCALATION_JOB, escalateDue } from './escalation.service';
import { dischargeModule } from './index';
import {
  confirmChange,
  notifyIncumbent,
  proposeChange,
  recordConsent,
  respondToChange,
} from './provider-change.service';

// The services directly, with the clock moved: a session's TOTP and idle timeout follow real time,
// so these calendar tests act as the signed-in actor the session layer would build.
describe('escalation after N business days (年末年始 and Golden Week skipped)', () => {
  const d = startDischargeSuite();
  afterEach(() => setClockForTests());

  const at = (iso: string) => setClockForTests(() => new Date(iso));

  async function notifiedAt(iso: string) {
    const patient = await createScenePatient(d.t.db, d.s);
    const staff = signedInContext(d.s.hospital.staff);
    at(iso);
    const change = await proposeChange(d.t.deps, staff, {
      patientId: patient.id,
      role: 'family_doctor',
      toRole: 'home_visit_doctor',
      toFacilityId: d.s.homeVisit.facilityId,
      toLabel: '目黒訪問クリニック',
    });
    await recordConsent(d.t.deps, staff, change.id, {
      givenBy: 'patient',
      givenAt: new Date(new Date(iso).getTime() - 3600_000).toISOString(),
      method: 'phone',
      agreed: '訪問診療に切り替える',
      offeredKeepCurrent: true,
      offeredSharedCare: false,
    });
    const notified = await notifyIncumbent(d.t.deps, staff, change.id);
    return { change: notified, patient, staff };
  }

  it('gives a notice sent on 28 December until 5 January, then escalates to the 包括 and the hospital', async () => {
    // Monday 28 December 2026, 10:00 in Tokyo
    const { change, staff } = await notifiedAt('2026-12-28T01:00:00Z');
    expect(change.gate.escalationDueAt).toBe('2027-01-05T01:00:00.000Z');

    at('2027-01-05T00:59:00Z');
    expect(await escalateDue(d.t.deps, new Date('2027-01-05T00:59:00Z'))).toEqual({ escalated: 0 });
    await expect(confirmChange(d.t.deps, staff, change.id)).rejects.toMatchObject({
      code: 'continuity.incumbent_not_acknowledged',
    });

    at('2027-01-05T01:00:00Z');
    expect(await escalateDue(d.t.deps, new Date('2027-01-05T01:00:00Z'))).toEqual({ escalated: 1 });
    // a second run finds nothing more to do (never escalated twice)
    expect(await escalateDue(d.t.deps, new Date('2027-01-05T01:05:00Z'))).toEqual({ escalated: 0 });

    const notices = await d.t.db
      .selectFrom('case_notices')
      .select(['kind', 'status', 'recipient_organisation_id'])
      .where('provider_change_id', '=', change.id)
      .execute();
    expect(notices).toContainEqual({
      kind: 'provider_change',
      status: 'escalated',
      recipient_organisation_id: d.s.familyDoctor.organisationId,
    });
    expect(notices).toContainEqual(
      expect.objectContaining({ kind: 'escalation', recipient_organisation_id: d.s.center.organisationId }),
    );
    expect(notices).toContainEqual(
      expect.objectContaining({ kind: 'escalation', recipient_organisation_id: d.s.hospital.organisationId }),
    );

    const confirmed = await confirmChange(d.t.deps, staff, change.id);
    expect(confirmed.status).toBe('confirmed');
  });

  it('skips 昭和の日 and the Golden Week holidays', async () => {
    // Wednesday 28 April 2027, 10:00: 29 April is a holiday, 30 April counts, 1–5 May do not
    const { change } = await notifiedAt('2027-04-28T01:00:00Z');
    expect(change.gate.escalationDueAt).toBe('2027-05-06T01:00:00.000Z');
    expect(await escalateDue(d.t.deps, new Date('2027-05-05T23:00:00Z'))).toEqual({ escalated: 0 });
    expect(await escalateDue(d.t.deps, new Date('2027-05-06T01:00:00Z'))).toEqual({ escalated: 1 });
  });

  it('follows the ward’s own number of business days', async () => {
    await d.t.db
      .insertInto('discharge_settings')
      .values({ municipality_code: d.s.municipalityCode, escalation_business_days: 5 })
      .onConflict((oc) => oc.column('municipality_code').doUpdateSet({ escalation_business_days: 5 }))
      .execute();
    try {
      // Monday 7 June 2027: five business days later is Monday 14 June
      const { change } = await notifiedAt('2027-06-07T01:00:00Z');
      expect(change.gate.escalationDueAt).toBe('2027-06-14T01:00:00.000Z');
    } finally {
      await d.t.db
        .deleteFrom('discharge_settings')
        .where('municipality_code', '=', d.s.municipalityCode)
        .execute();
    }
  });

  it('does not escalate a change the family doctor answered in time, and takes a late answer after escalation', async () => {
    const first = await notifiedAt('2027-02-01T01:00:00Z');
    at('2027-02-02T01:00:00Z');
    await respondToChange(d.t.deps, signedInContext(d.s.familyDoctor.user), first.change.id, {
      answer: 'agree',
    });
    const second = await notifiedAt('2027-02-01T01:00:00Z');
    expect(await escalateDue(d.t.deps, new Date('2027-02-10T01:00:00Z'))).toEqual({ escalated: 1 });
    at('2027-02-10T02:00:00Z');
    const late = await respondToChange(d.t.deps, signedInContext(d.s.familyDoctor.user), second.change.id, {
      answer: 'object',
      reason: '本人と話してから決めたい',
    });
    expect(late.status).toBe('objected');
  });

  it('runs as the daily job on business days only, and tells the 包括 through its inbox', async () => {
    const jobs = { ...inboxJobs, ...dischargeModule.jobs };
    const runAt = async (iso: string) => {
      at(iso);
      await scheduleJob(d.t.db, { kind: ESCALATION_JOB, runAt: new Date(iso), key: `test-${iso}` });
      return runDueJobs({ deps: d.t.deps, handlers: jobs, batchSize: 50 });
    };
    // Friday 24 December 2027, 10:00: two business days later is Tuesday 28 December, 10:00
    const { change } = await notifiedAt('2027-12-24T01:00:00Z');
    expect(change.gate.escalationDueAt).toBe('2027-12-28T01:00:00.000Z');
    const statusOfChange = async () =>
      (
        await d.t.db
          .selectFrom('provider_changes')
          .select('status')
          .where('id', '=', change.id)
          .executeTakeFirstOrThrow()
      ).status;
    // past due, but 29 December and 3 January are 年末年始: the job runs and escalates nothing
    await runAt('2027-12-28T23:30:00Z');
    expect(await statusOfChange()).toBe('incumbent_notified');
    await runAt('2028-01-02T23:30:00Z');
    expect(await statusOfChange()).toBe('incumbent_notified');
    // Tuesday 4 January 2028, 08:30 in Tokyo: a business day
    await runAt('2028-01-03T23:30:00Z');
    expect(await statusOfChange()).toBe('escalated');
    await runDueJobs({ deps: d.t.deps, handlers: jobs, batchSize: 50 });
    const told = await d.t.db
      .selectFrom('inbox_notices')
      .select(['kind', 'user_id'])
      .where('kind', '=', 'discharge.escalation')
      .where('user_id', '=', d.s.center.user.id)
      .execute();
    expect(told.length).toBeGreaterThanOrEqual(1);
  });
});
