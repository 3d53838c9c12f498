import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AccessLogList,
  AccessLogQuery,
  DuplicateList,
  PatientMerged,
  PatientMergeInput,
} from '../../../contracts/patients';
import type { ModuleDeps } from '../../platform/module';
import { exportAccessLogCsv, listAccessLog } from './access-log-viewer.service';
import { listDuplicates, mergePatients } from './patient-admin.service';

const admin = { access: ['ward_admin'] as const };
const tags = ['admin'];

/** The ward admin's patient records: duplicates and merge, and the access log (search, CSV). */
export async function registerPatientAdminRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/admin/patients/duplicates',
    { config: admin, schema: { tags, response: { 200: DuplicateList } } },
    async (request) => listDuplicates(deps, request.ctx),
  );
  api.post(
    '/api/admin/patients/merge',
    { config: admin, schema: { tags, body: PatientMergeInput, response: { 200: PatientMerged } } },
    async (request) => mergePatients(deps, request.ctx, request.body),
  );

  api.get(
    '/api/admin/access-log',
    { config: admin, schema: { tags, querystring: AccessLogQuery, response: { 200: AccessLogList } } },
    async (request) => listAccessLog(deps, request.ctx, request.query),
  );
  api.get(
    '/api/admin/access-log/export.csv',
    { config: admin, schema: { tags, querystring: AccessLogQuery } },
    async (request, reply) => {
      const { csv, truncated } = await exportAccessLogCsv(deps, request.ctx, request.query);
      const stamp = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="access-log-${stamp}.csv"`)
        .header('cache-control', 'no-store')
        .header('x-export-truncated', String(truncated))
        .send(csv);
    },
  );
}
