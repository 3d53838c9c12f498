import { type DocumentStatus, documentStates } from '../../../contracts/documents';
import { defineWorkflow } from '../../platform/workflow';

/** Who moves a document: members of the author's organisation; readers only read. */
export type DocumentParty = 'author' | 'reader';

export type DocumentEvent = 'save' | 'finalise' | 'amend' | 'withdraw';

/**
 * A document's life (issue 14 item 7). A draft is saved over and over (each save a new draft
 * version, the history kept) until it is finalised; a final document is changed only by an
 * amendment, which makes a new final version the readers see (their receipts stay on the version
 * they read). Withdrawing (written in error, the wrong patient) keeps every version.
 */
export const documentWorkflow = defineWorkflow<DocumentStatus, DocumentEvent, DocumentParty>({
  invalidTransition: 'documents.invalid_transition',
  states: documentStates,
  transitions: [
    { event: 'save', from: ['draft'], to: 'draft', by: ['author'] },
    { event: 'finalise', from: ['draft'], to: 'final', by: ['author'] },
    { event: 'amend', from: ['final'], to: 'final', by: ['author'] },
    { event: 'withdraw', from: ['draft', 'final'], to: 'withdrawn', by: ['author'] },
  ],
});
