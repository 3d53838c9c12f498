import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CapabilityListResponse,
  ConfirmResponse,
  DirectoryEventBody,
  DistrictListResponse,
  ErrorReportBody,
  ErrorReportResponse,
  FacilityDetail,
  FacilityId,
  FacilitySearchQuery,
  FacilitySearchResponse,
  GeocodeQuery,
  GeocodeResponse,
  MunicipalityQuery,
} from '../../../contracts/directory';
import { AppError } from '../../platform/errors';
import { RateLimiter } from '../../platform/http/rate-limit';
import type { ModuleDeps } from '../../platform/module';
import { isBotUserAgent } from './bot-filter';
import { submitErrorReport } from './change-request.service';
import { geocodeTown, getCapabilityList, getDistrictList, getPublicFacility } from './public.service';
import { createRecentKeys } from './recent-keys';
import { confirmByToken } from './reminder.service';
import { searchFacilities } from './search.service';
import { recordFacilityView, recordSearch } from './stats-record.service';

const tags = ['directory (public)'];
const IdParams = z.object({ id: FacilityId });

/** The open, key-less directory API (CORS and ETag come from the platform's public-api hooks). */
export async function registerPublicRoutes(root: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const reportLimiter = new RateLimiter(5, 10 * 60_000);
  // Statistics cannot be inflated by one client: an address sends at most 60 events in 10 minutes,
  // and the same event from the same visitor (address and browser) counts once in 30 minutes.
  // Both live in memory only; the address is never stored (decision 011).
  const eventLimiter = new RateLimiter(60, 10 * 60_000);
  const recentEvents = createRecentKeys({ ttlMs: 30 * 60_000 });

  app.get(
    '/api/public/facilities',
    {
      schema: { tags, querystring: FacilitySearchQuery, response: { 200: FacilitySearchResponse } },
      config: { access: 'public' },
    },
    async (request) => searchFacilities(deps, request.ctx, request.query),
  );

  app.get(
    '/api/public/facilities/:id',
    {
      schema: { tags, params: IdParams, querystring: MunicipalityQuery, response: { 200: FacilityDetail } },
      config: { access: 'public' },
    },
    async (request) => getPublicFacility(deps, request.ctx, request.params.id, request.query),
  );

  app.get(
    '/api/public/capabilities',
    {
      schema: { tags, querystring: MunicipalityQuery, response: { 200: CapabilityListResponse } },
      config: { access: 'public' },
    },
    async (request) => getCapabilityList(deps, request.ctx, request.query),
  );

  app.get(
    '/api/public/districts',
    {
      schema: { tags, querystring: MunicipalityQuery, response: { 200: DistrictListResponse } },
      config: { access: 'public' },
    },
    async (request) => getDistrictList(deps, request.ctx, request.query),
  );

  app.get(
    '/api/public/geocode',
    {
      schema: { tags, querystring: GeocodeQuery, response: { 200: GeocodeResponse } },
      config: { access: 'public' },
    },
    async (request) => geocodeTown(deps, request.ctx, request.query),
  );

  app.post(
    '/api/public/facilities/:id/reports',
    {
      schema: { tags, params: IdParams, body: ErrorReportBody, response: { 201: ErrorReportResponse } },
      config: { access: 'public' },
    },
    async (request, reply) => {
      // The address is used only in memory to slow down floods; it is never stored.
      if (!reportLimiter.hit(request.ip)) throw new AppError('rate_limited');
      const created = await submitErrorReport(deps, request.ctx, request.params.id, request.body);
      return reply.status(201).send(created);
    },
  );

  // Statistics beacon (docs/decisions/011-directory-statistics.md): GET answers are cached by
  // ETag and proxies, so the page reports what a person actually looked at.
  app.post(
    '/api/public/events',
    { schema: { tags, body: DirectoryEventBody }, config: { access: 'public' } },
    async (request, reply) => {
      const event = request.body;
      const visitor = `${request.ip}|${request.headers['user-agent'] ?? ''}`;
      const counted =
        !isBotUserAgent(request.headers['user-agent']) &&
        eventLimiter.hit(request.ip) &&
        recentEvents.firstSeen(`${visitor}|${eventKey(event)}`);
      // Always 204: a flooding client learns nothing about what was counted.
      if (counted) {
        if (event.kind === 'facility_view') await recordFacilityView(deps, request.ctx, event);
        else await recordSearch(deps, request.ctx, event);
      }
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/public/confirm/:token',
    {
      schema: {
        tags,
        params: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) }),
        response: { 200: ConfirmResponse },
      },
      config: { access: 'public' },
    },
    async (request) => confirmByToken(deps, request.ctx, request.params.token),
  );
}

/** What makes two beacon events "the same" for one visitor. */
function eventKey(event: DirectoryEventBody): string {
  if (event.kind === 'facility_view') return `view|${event.facilityId}`;
  return JSON.stringify([
    'search',
    event.municipality ?? '',
    event.q ?? '',
    event.district ?? '',
    [...(event.capabilities ?? [])].sort(),
    [...(event.types ?? [])].sort(),
    event.resultCount,
  ]);
}
