import { describe, expect, it } from 'vitest';
import { documentKinds, documentStates, versionStates } from '../../../contracts/documents';
import * as migration from '../../db/migrations/20261202062000_documents';

// The migration may not import app code, so it repeats the lists: they must stay the same.
describe('the documents migration’s CHECK lists', () => {
  it('match the contract’s kinds and states', () => {
    expect(migration.DOCUMENT_KINDS).toEqual([...documentKinds]);
    expect(migration.DOCUMENT_STATES).toEqual([...documentStates]);
    expect(migration.VERSION_STATES).toEqual([...versionStates]);
  });
});
