import '../../../contracts/discharge';
import type { ServerModule } from '../../platform/module';
import { registerCircleJoinHandler, registerPatientMergeHandler, registerPatientSection } from '../patients';
import './case-notice.table';
import './discharge-case.table';
import './provider-change.table';
import { registerDataListSection } from '../../platform/data-list/data-list-sections';
import { onInboxProgress } from '../../platform/inbox/inbox-progress';
import './referral.table';
import { dischargeDataListSection } from './data-list-section';
import { seedDischargeDemo } from './demo.seed';
import { registerDischargeRoutes } from './discharge.routes';
import { ESCALATION_JOB, escalateDueInJob } from './escalation.service';
import { registerFiguresRoutes } from './figures.routes';
import { NOTICE_RECORD, PHONE_TASK_RECORD } from './notice.service';
import { registerNoticeLinkRoutes } from './notice-link.routes';
import { onNoticeProgress, onPhoneTaskProgress } from './notice-progress';
import { moveDischargeOnMerge } from './patient-merge';
import { casesSection, changesSection, referralsSection } from './patient-section';
import { registerProviderChangeRoutes } from './provider-change.routes';
import { registerReferralRoutes } from './referral.routes';
import { closeReferralsOnJoin } from './referral-close';

/**
 * Discharge coordination (退院支援) and the continuity-of-care gate (issue 14 items 4, 5, 8):
 * cases with checklist, tasks and timeline; provider changes that cannot be confirmed before the
 * family's consent and the incumbent's answer (or escalation); the notices that tell them.
 */
export const dischargeModule: ServerModule = {
  name: 'discharge',
  async register(app, deps) {
    registerPatientSection('cases', casesSection);
    registerPatientSection('providerChanges', changesSection);
    onInboxProgress(NOTICE_RECORD, onNoticeProgress);
    onInboxProgress(PHONE_TASK_RECORD, onPhoneTaskProgress);
    await registerDischargeRoutes(app, deps);
    await registerProviderChangeRoutes(app, deps);
    await registerNoticeLinkRoutes(app, deps);
    registerPatientSection('referrals', referralsSection);
    registerCircleJoinHandler('referrals', closeReferralsOnJoin);
    // A ward admin's merge of a duplicate: its cases, changes, notices and referrals follow.
    registerPatientMergeHandler('discharge', moveDischargeOnMerge);
    await registerReferralRoutes(app, deps);
    await registerFiguresRoutes(app, deps);
    // The year totals of the figures in the council's data list (council module, decision 033).
    registerDataListSection(dischargeDataListSection);
  },
  seedDemo: seedDischargeDemo,
  jobs: {
    // 08:30 Tokyo, at the start of the office day: a deadline passed yesterday reaches the 包括 now
    [ESCALATION_JOB]: {
      daily: '08:30',
      run: (job) => escalateDueInJob(job.trx, job.now).then(() => undefined),
    },
  },
};

export { findCaseHeading, findCasePatient, findChangeGate } from './continuity-gate-state';
export { escalateDue } from './escalation.service';
export { registerFiguresSources } from './figures-sources';
