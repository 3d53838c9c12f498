import '../../../contracts/accounts';
import type { ServerModule } from '../../platform/module';
import { registerAccountAccessRoutes } from './account-access.routes';
import { registerAccountSessionRoutes } from './account-sessions.routes';
import { registerAdminPeopleRoutes } from './admin-people.routes';
import { registerAdminRecordRoutes } from './admin-records.routes';
import { registerAuthRoutes } from './auth.routes';
import { registerCredentialRoutes } from './credential.routes';
import { seedAccountsDemo } from './demo.seed';
import { installSessionHooks } from './session.hooks';
import { sealStoredTotpSecrets } from './totp-secret.service';

/**
 * Accounts: sessions and the actor of every request, login with two-factor, invitations,
 * password reset, and the ward admin's organisations, users, outbox and audit-log views.
 */
export const accountsModule: ServerModule = {
  name: 'accounts',
  async prepare(app, deps) {
    installSessionHooks(app, deps);
    await sealStoredTotpSecrets(deps, (message) => app.log.warn(message));
  },
  async register(app, deps) {
    await registerAuthRoutes(app, deps);
    await registerCredentialRoutes(app, deps);
    await registerAccountSessionRoutes(app, deps);
    await registerAccountAccessRoutes(app, deps);
    await registerAdminPeopleRoutes(app, deps);
    await registerAdminRecordRoutes(app, deps);
  },
  seedDemo: seedAccountsDemo,
};

export { DEMO_FACILITY_EDITOR_ORGANISATION, DEMO_PASSWORD, DEMO_USERS } from './demo.seed';
export { listLinkedFacilityIds } from './organisation.queries';
export { createToken, hashToken } from './tokens';
export { totpCode } from './totp';
