import { changeRequestStates } from '../../../contracts/directory-changes';
import { defineWorkflow } from '../../platform/workflow';

/**
 * The review of a change request or an error report: the ward approves or rejects it (with a
 * reason, which the facility is told), and an editor may withdraw their own while it waits.
 */
export const changeRequestWorkflow = defineWorkflow({
  invalidTransition: 'directory.request_not_pending',
  states: changeRequestStates,
  transitions: [
    { event: 'approve', from: ['pending'], to: 'approved', by: ['ward'] },
    { event: 'reject', from: ['pending'], to: 'rejected', by: ['ward'] },
    { event: 'withdraw', from: ['pending'], to: 'withdrawn', by: ['editor'] },
  ],
});

export type ChangeRequestEvent = 'approve' | 'reject' | 'withdraw';
export type ChangeRequestParty = 'ward' | 'editor';
