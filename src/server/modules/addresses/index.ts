import '../../../contracts/addresses-errors';
import type { ServerModule } from '../../platform/module';

/**
 * Street addresses (issue 13 item 5): the Digital Agency's address base registry loaded by the ward
 * (`zaitaku address import`, addresses.commands.ts) and typed addresses placed on its points. No
 * routes of its own: the directory's geocode asks `locateStreetAddress`.
 */
export const addressesModule: ServerModule = {
  name: 'addresses',
  async register() {},
};

// What other modules (the directory's base point) may use.
export { locateStreetAddress, type StreetLocation } from './address-locate.service';
