import '../../../contracts/accounts';
import type { ServerModule } from '../module';
import { registerAuthRoutes } from './auth.routes';
import { installSessionHooks } from './session.hooks';

/**
 * Accounts: sessions and the actor of every request, login with two-factor, invitations,
 * password reset, and the ward admin's organisations, users, outbox and audit-log views.
 */
export const accountsModule: ServerModule = {
  name: 'accounts',
  async prepare(app, deps) {
    installSessionHooks(app, deps);
  },
  async register(app, deps) {
    await registerAuthRoutes(app, deps);
  },
};

export { setClockForTests } from './clock';
export { totpCode } from './totp';
