import { describe, expect, it } from 'vitest';
import { documentStates } from '../../../contracts/documents';
import { AppError } from '../../platform/errors';
import { type DocumentEvent, type DocumentParty, documentWorkflow } from './document-status';

const events: DocumentEvent[] = ['save', 'finalise', 'amend', 'withdraw'];
const allowed: Record<string, string> = {
  'draft:save': 'draft',
  'draft:finalise': 'final',
  'draft:withdraw': 'withdrawn',
  'final:amend': 'final',
  'final:withdraw': 'withdrawn',
};

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return undefined;
};

describe('the document workflow', () => {
  for (const state of documentStates) {
    for (const event of events) {
      const to = allowed[`${state}:${event}`];
      it(`${to ? `lets the author ${event} a ${state} document` : `refuses to ${event} a ${state} document`}`, () => {
        if (to) {
          expect(documentWorkflow.next(state, event, 'author')).toBe(to);
          expect(codeOf(() => documentWorkflow.next(state, event, 'reader' as DocumentParty))).toBe(
            'auth.forbidden',
          );
        } else {
          expect(codeOf(() => documentWorkflow.next(state, event, 'author'))).toBe(
            'documents.invalid_transition',
          );
        }
      });
    }
  }

  it('ends only in withdrawn, and offers a reader nothing', () => {
    expect(documentWorkflow.terminal).toEqual(['withdrawn']);
    for (const state of documentStates) expect(documentWorkflow.eventsFrom(state, 'reader')).toEqual([]);
  });
});
