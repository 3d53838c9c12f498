import type { AuditAction } from '../../src/contracts/audit-actions';

/**
 * An audit action only a test writes (`test.…`), so the test's rows are its own and no filter of a
 * real action picks them up. The system never writes these, hence outside the `AuditAction` list.
 */
export function testAuditAction(name: `test.${string}`): AuditAction {
  return name as AuditAction;
}
