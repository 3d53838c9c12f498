import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AuditList,
  AuditQuery,
  IdParams,
  OutboxList,
  OutboxListQuery,
  OutboxMail,
  OutboxMailDetail,
} from '../../../contracts/accounts';
import type { ModuleDeps } from '../../platform/module';
import { exportAuditCsv, listAudit } from './audit-viewer.service';
import { listOutbox, readOutboxMail, retryOutboxMail } from './outbox-admin.service';

const admin = { access: ['ward_admin'] as const };

/** The mail outbox and the audit log of the ward admin's municipality. */
export async function registerAdminRecordRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/admin/outbox',
    {
      config: admin,
      schema: { tags: ['admin'], querystring: OutboxListQuery, response: { 200: OutboxList } },
    },
    async (request) => listOutbox(deps, request.ctx.municipalityCode, request.query),
  );
  api.get(
    '/api/admin/outbox/:id',
    { config: admin, schema: { tags: ['admin'], params: IdParams, response: { 200: OutboxMailDetail } } },
    async (request) => readOutboxMail(deps, request.ctx, request.params.id),
  );
  api.post(
    '/api/admin/outbox/:id/retry',
    { config: admin, schema: { tags: ['admin'], params: IdParams, response: { 200: OutboxMail } } },
    async (request) => retryOutboxMail(deps, request.ctx, request.params.id),
  );

  api.get(
    '/api/admin/audit',
    { config: admin, schema: { tags: ['admin'], querystring: AuditQuery, response: { 200: AuditList } } },
    async (request) => listAudit(deps, request.ctx, request.query),
  );
  api.get(
    '/api/admin/audit/export.csv',
    { config: admin, schema: { tags: ['admin'], querystring: AuditQuery } },
    async (request, reply) => {
      const { csv, truncated } = await exportAuditCsv(deps, request.ctx, request.query);
      const stamp = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-log-${stamp}.csv"`)
        .header('cache-control', 'no-store')
        .header('x-export-truncated', String(truncated))
        .send(csv);
    },
  );
}
