import { dischargeCaseStates } from '../../../contracts/discharge';
import { defineWorkflow } from '../../platform/workflow';

/**
 * A discharge case (退院支援): open → planning → scheduled → discharged → follow_up → closed, or it
 * ends early as cancelled, transferred (転院) or deceased. A date can slip, so scheduled may go back
 * to planning; a death can be recorded at any point before the case is closed.
 */
export const dischargeCaseWorkflow = defineWorkflow({
  invalidTransition: 'discharge.invalid_transition',
  states: dischargeCaseStates,
  transitions: [
    { event: 'plan', from: ['open', 'scheduled'], to: 'planning' },
    { event: 'schedule', from: ['open', 'planning'], to: 'scheduled' },
    { event: 'discharge', from: ['scheduled'], to: 'discharged' },
    { event: 'follow_up', from: ['discharged'], to: 'follow_up' },
    { event: 'close', from: ['follow_up'], to: 'closed' },
    { event: 'cancel', from: ['open', 'planning', 'scheduled'], to: 'cancelled' },
    { event: 'transfer', from: ['open', 'planning', 'scheduled'], to: 'transferred' },
    { event: 'decease', from: ['open', 'planning', 'scheduled', 'discharged', 'follow_up'], to: 'deceased' },
  ],
});

/** States in which the case is still being worked on (one such case per patient at a time). */
export const activeCaseStates = ['open', 'planning', 'scheduled', 'discharged', 'follow_up'] as const;
