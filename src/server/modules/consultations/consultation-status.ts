import { consultationStates } from '../../../contracts/consultations';
import { defineWorkflow } from '../../platform/workflow';

/** Who may move a consultation: the staff of the window (包括 centre) that owns it. */
export type ConsultationParty = 'window_staff';

/**
 * A consultation: open → following_up (the window keeps in touch) → closed. A closed one is
 * reopened when the person or their family calls again (the same person is counted once: 実数).
 */
export const consultationWorkflow = defineWorkflow({
  invalidTransition: 'consultations.invalid_transition',
  states: consultationStates,
  transitions: [
    { event: 'follow_up', from: ['open'], to: 'following_up', by: ['window_staff'] },
    { event: 'close', from: ['open', 'following_up'], to: 'closed', by: ['window_staff'] },
    { event: 'reopen', from: ['closed'], to: 'open', by: ['window_staff'] },
  ],
});
