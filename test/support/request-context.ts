import type { RequestContext } from '../../src/server/platform/context';
import type { TestUser } from './factories/accounts';

/**
 * The request context the auth layer builds for a signed-in factory user (one membership, two
 * factors verified), for tests that call a service directly rather than through a route.
 */
export function requestContextOf(user: TestUser): RequestContext {
  return {
    requestId: `test-${user.id}`,
    clientIp: '127.0.0.1',
    municipalityCode: user.municipalityCode,
    actor: {
      userId: user.id,
      email: user.email,
      displayName: `テスト ${user.role}`,
      municipalityCode: user.municipalityCode,
      roles: [user.role],
      memberships: [{ organisationId: user.organisationId, role: user.role }],
      twoFactorVerified: true,
    },
  };
}
