import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changeRequestStates } from '../../../contracts/directory-changes';
import type { AppError } from '../../platform/errors';
import {
  type ChangeRequestEvent,
  type ChangeRequestParty,
  changeRequestWorkflow,
} from './change-request-status';

const events: ChangeRequestEvent[] = ['approve', 'reject', 'withdraw'];
const parties: ChangeRequestParty[] = ['ward', 'editor'];
const allowed: Record<string, string> = {
  'pending approve ward': 'approved',
  'pending reject ward': 'rejected',
  'pending withdraw editor': 'withdrawn',
};

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as AppError).code;
  }
};

describe('the change request workflow', () => {
  for (const state of changeRequestStates) {
    for (const event of events) {
      for (const party of parties) {
        const expected = allowed[`${state} ${event} ${party}`];
        it(`${state} × ${event} by ${party} → ${expected ?? 'refused'}`, () => {
          if (expected) {
            expect(changeRequestWorkflow.next(state, event, party)).toBe(expected);
          } else {
            const legalSomewhere = Object.keys(allowed).some((k) => k.startsWith(`${state} ${event} `));
            expect(codeOf(() => changeRequestWorkflow.next(state, event, party))).toBe(
              legalSomewhere ? 'auth.forbidden' : 'directory.request_not_pending',
            );
          }
        });
      }
    }
  }

  it('ends in approved, rejected and withdrawn', () => {
    expect([...changeRequestWorkflow.terminal].sort()).toEqual(['approved', 'rejected', 'withdrawn']);
  });

  it('offers the ward approve and reject, the editor withdraw, on a pending request', () => {
    expect(changeRequestWorkflow.eventsFrom('pending', 'ward')).toEqual(['approve', 'reject']);
    expect(changeRequestWorkflow.eventsFrom('pending', 'editor')).toEqual(['withdraw']);
  });

  it('has the states the database checks', () => {
    const migration = readFileSync(
      new URL('../../db/migrations/20261202032000_change_request_withdrawn.ts', import.meta.url),
      'utf8',
    );
    const list = /check \(status in \(([^)]*)\)\)`\.execute\(db\);\n}\n\nexport async function down/.exec(
      migration,
    )?.[1];
    expect(list?.split(',').map((s) => s.trim().replace(/'/g, ''))).toEqual([...changeRequestStates]);
  });
});
