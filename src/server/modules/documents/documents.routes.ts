import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DocumentCreateBody,
  DocumentDetail,
  DocumentListQuery,
  DocumentPage,
  DocumentSaveBody,
  DocumentStepBody,
  DocumentVersionQuery,
} from '../../../contracts/documents';
import type { ModuleDeps } from '../../platform/module';
import { createDocument, finaliseDocument, saveDocument, withdrawDocument } from './document.service';
import { exportDocumentFhir, getDocument, listDocuments } from './document-read.service';

const tags = ['documents'];
/** Everyone whose work is the patient (the services check the circle). */
const clinical = ['hospital_staff', 'center_staff', 'clinician', 'care_manager'] as const;
const Params = z.object({ id: z.uuid() });
const FhirBundle = z.looseObject({ resourceType: z.literal('Bundle'), type: z.literal('document') });

/** 看護サマリー, 紹介状, 退院時サマリー: create, save (versioned), finalise, withdraw, read, FHIR. */
export async function registerDocumentRoutes(root: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const config = { access: clinical };

  app.post(
    '/api/documents',
    { schema: { tags, body: DocumentCreateBody, response: { 201: DocumentDetail } }, config },
    async (request, reply) => reply.status(201).send(await createDocument(deps, request.ctx, request.body)),
  );

  app.get(
    '/api/documents',
    { schema: { tags, querystring: DocumentListQuery, response: { 200: DocumentPage } }, config },
    async (request) => listDocuments(deps, request.ctx, request.query),
  );

  app.get(
    '/api/documents/:id',
    {
      schema: { tags, params: Params, querystring: DocumentVersionQuery, response: { 200: DocumentDetail } },
      config,
    },
    async (request) => getDocument(deps, request.ctx, request.params.id, request.query.version),
  );

  app.put(
    '/api/documents/:id',
    { schema: { tags, params: Params, body: DocumentSaveBody, response: { 200: DocumentDetail } }, config },
    async (request) => saveDocument(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/documents/:id/finalise',
    { schema: { tags, params: Params, body: DocumentStepBody, response: { 200: DocumentDetail } }, config },
    async (request) => finaliseDocument(deps, request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/documents/:id/withdraw',
    { schema: { tags, params: Params, body: DocumentStepBody, response: { 200: DocumentDetail } }, config },
    async (request) => withdrawDocument(deps, request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/documents/:id/fhir',
    { schema: { tags, params: Params, response: { 200: FhirBundle } }, config },
    async (request, reply) => {
      const bundle = await exportDocumentFhir(deps, request.ctx, request.params.id);
      return reply.header('content-type', 'application/fhir+json; charset=utf-8').send(bundle);
    },
  );
}
