import { describe, expect, it } from 'vitest';
import {
  ChangeableRole,
  ContactKind,
  dischargeCaseStates,
  NoticeChannel,
  NoticeKind,
  noticeStates,
  OverrideReason,
  providerChangeStates,
} from '../../../contracts/discharge';
import { careRoles } from '../../../contracts/patients';
import * as migration from '../../db/migrations/20261202055000_discharge';
import { activeCaseStates } from './discharge-case-status';
import { openChangeStates } from './provider-change-status';

// The migration may not import app code, so it repeats the lists: they must stay the same.
describe('the discharge migration’s CHECK lists', () => {
  it('match the contract’s states and enums', () => {
    expect(migration.CASE_STATES).toEqual([...dischargeCaseStates]);
    expect(migration.ACTIVE_CASE_STATES).toEqual([...activeCaseStates]);
    expect(migration.CHANGE_STATES).toEqual([...providerChangeStates]);
    expect(migration.OPEN_CHANGE_STATES).toEqual([...openChangeStates]);
    expect(migration.NOTICE_STATES).toEqual([...noticeStates]);
    expect(migration.NOTICE_KINDS).toEqual(NoticeKind.options);
    expect(migration.NOTICE_CHANNELS).toEqual(NoticeChannel.options);
    expect(migration.CONTACT_KINDS).toEqual(ContactKind.options);
    expect(migration.CHANGE_ROLES).toEqual(ChangeableRole.options);
    expect(migration.OVERRIDE_REASONS).toEqual(OverrideReason.options);
  });

  it('only switches roles the circle of care knows', () => {
    for (const role of ChangeableRole.options) expect(careRoles).toContain(role);
  });
});
