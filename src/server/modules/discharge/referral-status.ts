import { type ReferralEvent, type ReferralStatus, referralStates } from '../../../contracts/referrals';
import { defineWorkflow } from '../../platform/workflow';

/**
 * Who moves a referral: the sending side (the hospital or 包括 staff who can reach the patient),
 * the recipient (users of the recipient organisation, or of the association's desk) and the system
 * (closing it when the role was filled another way).
 */
export type ReferralParty = 'sender' | 'recipient' | 'system';

/**
 * The referral loop (issue 14 item 6). The recipient answers in one step from `sent` (receiving is
 * implied) or after marking it received; an association's desk names the provider, which
 * completes the referral. The sender cancels while it is open; a referral that gets no answer, or
 * could not be delivered, fails. `complete` (the care started) is the sender's, or the system's
 * when the circle took the recipient in through a provider change.
 */
export const referralWorkflow = defineWorkflow({
  invalidTransition: 'referrals.invalid_transition',
  states: referralStates,
  transitions: [
    { event: 'send', from: ['draft'], to: 'sent', by: ['sender'] },
    { event: 'receive', from: ['sent'], to: 'received', by: ['recipient'] },
    { event: 'accept', from: ['sent', 'received'], to: 'accepted', by: ['recipient'] },
    { event: 'decline', from: ['sent', 'received'], to: 'declined', by: ['recipient'] },
    { event: 'name', from: ['sent', 'received', 'accepted'], to: 'completed', by: ['recipient'] },
    { event: 'complete', from: ['accepted'], to: 'completed', by: ['sender', 'system'] },
    {
      event: 'cancel',
      from: ['draft', 'sent', 'received', 'accepted'],
      to: 'cancelled',
      by: ['sender', 'system'],
    },
    { event: 'fail', from: ['sent', 'received'], to: 'failed', by: ['sender'] },
  ],
});

/** Events that need a reason (the reason is shown to the other side and counted). */
export const eventsNeedingReason: readonly ReferralEvent[] = ['decline', 'cancel', 'fail'];

/** Open: still waiting for an answer or for care to start (drafts count: the warning is about duplicates). */
export function isOpenReferral(status: ReferralStatus): boolean {
  return !referralWorkflow.terminal.includes(status);
}

/** While the recipient may see the patient's minimum data: addressed to them and not yet closed. */
export function isVisibleToRecipient(status: ReferralStatus): boolean {
  return status === 'sent' || status === 'received' || status === 'accepted';
}
