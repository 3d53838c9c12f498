import { noticeStates } from '../../../contracts/discharge';
import { defineWorkflow } from '../../platform/workflow';

/**
 * A notice's life: queued → sent → delivered → read → acknowledged, or silence: expired → escalated.
 * The recipient may acknowledge from any step before (an in-app acknowledgment proves the read), and
 * a late answer after the expiry or the escalation is still taken: the record is what was said.
 */
export const noticeWorkflow = defineWorkflow({
  invalidTransition: 'notice.invalid_transition',
  states: noticeStates,
  transitions: [
    { event: 'send', from: ['queued'], to: 'sent' },
    { event: 'deliver', from: ['sent'], to: 'delivered' },
    { event: 'read', from: ['sent', 'delivered'], to: 'read' },
    {
      event: 'acknowledge',
      from: ['queued', 'sent', 'delivered', 'read', 'expired', 'escalated'],
      to: 'acknowledged',
    },
    { event: 'expire', from: ['queued', 'sent', 'delivered', 'read'], to: 'expired' },
    { event: 'escalate', from: ['expired'], to: 'escalated' },
  ],
});
