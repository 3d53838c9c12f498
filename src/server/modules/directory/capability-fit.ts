import { capabilityFitsType, type FacilityType } from '../../../contracts/directory';
import { AppError } from '../../platform/errors';

/**
 * Refuses a change that adds a capability the facility's type cannot offer (contracts'
 * `capabilityFacilityTypes`). Codes the facility already holds stay allowed, so an entry imported
 * with one does not block every later change. Throws directory.capability_not_for_type.
 */
export function assertCapabilitiesFitType(
  type: FacilityType,
  held: readonly string[],
  proposed: readonly string[] | undefined,
): void {
  if (!proposed) return;
  const misfits = proposed.filter((code) => !held.includes(code) && !capabilityFitsType(code, type));
  if (misfits.length > 0)
    throw new AppError('directory.capability_not_for_type', { capabilities: misfits, type });
}
