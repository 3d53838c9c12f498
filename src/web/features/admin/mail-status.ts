import type { OutboxMail } from '../../../contracts/accounts';

/** Badge colour per delivery state. */
export const mailStatusBadge: Record<OutboxMail['status'], string> = {
  pending: 'badge--warning',
  sent: 'badge--success',
  failed: 'badge--error',
};
