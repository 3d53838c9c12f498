import { type ProviderChangeStatus, providerChangeStates } from '../../../contracts/discharge';
import type { ErrorCode } from '../../../contracts/error-codes';
import { defineWorkflow } from '../../platform/workflow';

/**
 * Who moves a provider change: the coordinating staff (hospital or 包括), the incumbent (the current
 * holder of the role, answering the notice) and the system (the escalation sweep).
 */
export type ChangeParty = 'coordinator' | 'incumbent' | 'system';

const beforeConfirmation = [
  'proposed',
  'awaiting_consent',
  'consented',
  'incumbent_notified',
  'acknowledged',
  'objected',
  'escalated',
] as const satisfies readonly ProviderChangeStatus[];

/** States after the consent was recorded (sharing care brings in a new provider: it needs consent too). */
const consentedStates = ['consented', 'incumbent_notified', 'acknowledged', 'objected', 'escalated'] as const;

/**
 * The continuity gate as a workflow (issue 14 item 5). `confirm` exists only from states where the
 * consent is recorded AND the incumbent answered (agree or object, an objection is heard, not a veto)
 * or the silence was escalated. A late answer after escalation is still recorded. The override skips
 * the gate; the service demands its reason code and second user.
 */
export const providerChangeWorkflow = defineWorkflow({
  invalidTransition: 'provider_change.invalid_transition',
  states: providerChangeStates,
  transitions: [
    { event: 'request_consent', from: ['proposed'], to: 'awaiting_consent', by: ['coordinator'] },
    { event: 'record_consent', from: ['proposed', 'awaiting_consent'], to: 'consented', by: ['coordinator'] },
    { event: 'notify_incumbent', from: ['consented'], to: 'incumbent_notified', by: ['coordinator'] },
    {
      event: 'acknowledge',
      from: ['incumbent_notified', 'escalated'],
      to: 'acknowledged',
      by: ['incumbent'],
    },
    { event: 'object', from: ['incumbent_notified', 'escalated'], to: 'objected', by: ['incumbent'] },
    { event: 'escalate', from: ['incumbent_notified'], to: 'escalated', by: ['system'] },
    {
      event: 'confirm',
      from: ['acknowledged', 'objected', 'escalated'],
      to: 'confirmed',
      by: ['coordinator'],
    },
    { event: 'override', from: beforeConfirmation, to: 'confirmed_override', by: ['coordinator'] },
    { event: 'keep_current', from: beforeConfirmation, to: 'kept_current', by: ['coordinator'] },
    { event: 'share_care', from: consentedStates, to: 'shared_care', by: ['coordinator'] },
    { event: 'withdraw', from: beforeConfirmation, to: 'withdrawn', by: ['coordinator'] },
  ],
});

export type ProviderChangeEvent = (typeof providerChangeWorkflow.transitions)[number]['event'];

/** States where the change is still open (one open change per patient and role). */
export const openChangeStates = beforeConfirmation;

/**
 * Why `confirm` is refused in a state, said in the gate's own words rather than a bare
 * invalid_transition: consent first, then the incumbent's answer (or the escalation).
 */
export function gateRefusal(status: ProviderChangeStatus): ErrorCode | undefined {
  if (status === 'proposed' || status === 'awaiting_consent') return 'continuity.consent_missing';
  if (status === 'consented' || status === 'incumbent_notified')
    return 'continuity.incumbent_not_acknowledged';
  return undefined;
}

/** What the gate still needs in a state (for the page: say plainly what is missing). */
export function gateMissing(status: ProviderChangeStatus): Array<'consent' | 'incumbent_acknowledgment'> {
  if (status === 'proposed' || status === 'awaiting_consent') return ['consent', 'incumbent_acknowledgment'];
  if (status === 'consented' || status === 'incumbent_notified') return ['incumbent_acknowledgment'];
  return [];
}

/** Whether a referral (紹介状) to the new provider may be requested: never before consent (issue 14 item 5). */
export function mayRequestReferral(status: ProviderChangeStatus): boolean {
  return !(
    status === 'proposed' ||
    status === 'awaiting_consent' ||
    status === 'withdrawn' ||
    status === 'kept_current'
  );
}
