import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BreakGlassGrant,
  BreakGlassInput,
  CircleHistory,
  CircleMember,
  CircleMemberEnd,
  CircleMemberInput,
  CircleMemberParams,
  Patient,
  PatientCreated,
  PatientDetail,
  PatientIdParams,
  PatientInput,
  PatientList,
  PatientListQuery,
  PatientPatch,
  PatientTownList,
} from '../../../contracts/patients';
import type { ModuleDeps } from '../../platform/module';
import { listTowns } from '../directory';
import { addMember, endMember, getCircleHistory } from './circle-edit.service';
import { createPatient, getPatientDetail, listPatients, updatePatient } from './patient.service';
import { CLINICAL_ROLES } from './patient-access.policy';
import { breakGlass } from './patient-admin.service';

// Clinical and coordinating roles reach patients through their circles; the ward admin only by
// break-glass (so the page routes take it too, and the policy answers 404 without a grant).
const staff = { access: CLINICAL_ROLES } as const;
const staffOrAdmin = { access: [...CLINICAL_ROLES, 'ward_admin'] } as const;
const tags = ['patients'];

/** Patients and their circle of care. */
export async function registerPatientRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/patients',
    {
      config: staffOrAdmin,
      schema: {
        tags,
        summary: 'The caller’s visible patients (kana order, keyset pages)',
        querystring: PatientListQuery,
        response: { 200: PatientList },
      },
    },
    async (request) => listPatients(deps, request.ctx, request.query),
  );
  api.get(
    '/api/patients/towns',
    {
      config: staff,
      schema: { tags, summary: 'The 町丁 of the municipality', response: { 200: PatientTownList } },
    },
    async (request) => ({
      items: (await listTowns(deps.db, request.ctx.municipalityCode)).map((t) => ({
        name: t.name,
        kana: t.kana,
        districtCode: t.district_code,
      })),
    }),
  );
  api.post(
    '/api/patients',
    { config: staff, schema: { tags, body: PatientInput, response: { 201: PatientCreated } } },
    async (request, reply) => reply.status(201).send(await createPatient(deps, request.ctx, request.body)),
  );
  api.get(
    '/api/patients/:id',
    {
      config: staffOrAdmin,
      schema: {
        tags,
        summary:
          'The patient with the current circle and the sections of other modules (cases, providerChanges)',
        params: PatientIdParams,
        response: { 200: PatientDetail },
      },
    },
    async (request) => getPatientDetail(deps, request.ctx, request.params.id),
  );
  api.patch(
    '/api/patients/:id',
    {
      config: staff,
      schema: { tags, params: PatientIdParams, body: PatientPatch, response: { 200: Patient } },
    },
    async (request) => updatePatient(deps, request.ctx, request.params.id, request.body),
  );

  api.get(
    '/api/patients/:id/circle',
    { config: staffOrAdmin, schema: { tags, params: PatientIdParams, response: { 200: CircleHistory } } },
    async (request) => getCircleHistory(deps, request.ctx, request.params.id),
  );
  api.post(
    '/api/patients/:id/circle',
    {
      config: staff,
      schema: { tags, params: PatientIdParams, body: CircleMemberInput, response: { 201: CircleMember } },
    },
    async (request, reply) =>
      reply.status(201).send(await addMember(deps, request.ctx, request.params.id, request.body)),
  );
  api.post(
    '/api/patients/:id/circle/:memberId/end',
    {
      config: staff,
      schema: { tags, params: CircleMemberParams, body: CircleMemberEnd, response: { 200: CircleMember } },
    },
    async (request) => endMember(deps, request.ctx, request.params.id, request.params.memberId, request.body),
  );

  api.post(
    '/api/patients/:id/break-glass',
    {
      config: { access: ['ward_admin'] },
      schema: {
        tags,
        summary: 'Emergency read access for the ward admin (reason required, 60 minutes, audited)',
        params: PatientIdParams,
        body: BreakGlassInput,
        response: { 201: BreakGlassGrant },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await breakGlass(deps, request.ctx, request.params.id, request.body)),
  );
}
