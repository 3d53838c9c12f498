import { describe, expect, it } from 'vitest';
import {
  AgeBand,
  ConsultationTopic,
  ConsulterKind,
  ContactChannel,
  ContactResponse,
  consultationStates,
  GapFlag,
  ReferralSource,
  RoutingTarget,
  TriState,
} from '../../../contracts/consultations';
import * as migration from '../../db/migrations/20261202078800_consultations';

// The migration may not import app code, so it repeats the lists: they must stay the same.
describe('the consultations migration’s CHECK lists', () => {
  it('match the contract’s states and enums', () => {
    expect(migration.CONSULTATION_STATES).toEqual([...consultationStates]);
    expect(migration.AGE_BANDS).toEqual(AgeBand.options);
    expect(migration.TRI_STATES).toEqual(TriState.options);
    expect(migration.GAP_FLAGS).toEqual(GapFlag.options);
    expect(migration.ROUTING_TARGETS).toEqual(RoutingTarget.options);
    expect(migration.CONTACT_CHANNELS).toEqual(ContactChannel.options);
    expect(migration.CONSULTER_KINDS).toEqual(ConsulterKind.options);
    expect(migration.REFERRAL_SOURCES).toEqual(ReferralSource.options);
    expect(migration.CONSULTATION_TOPICS).toEqual(ConsultationTopic.options);
    expect(migration.CONTACT_RESPONSES).toEqual(ContactResponse.options);
  });
});
