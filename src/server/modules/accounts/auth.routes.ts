import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  LoginRequest,
  OkResponse,
  RecoveryCodesRegenerateRequest,
  RecoveryCodesResponse,
  SessionResponse,
  TotpEnrolmentConfirmRequest,
  TotpEnrolmentConfirmResponse,
  TotpEnrolmentResponse,
  TotpVerifyRequest,
} from '../../../contracts/accounts';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { login, logout, verifySecondFactor } from './auth.service';
import { anonymousSession } from './session.presenter';
import type { SessionRecord } from './session.queries';
import type { IssuedSession } from './session.service';
import { clearSessionCookie, readDeviceCookie, setDeviceCookie, setSessionCookie } from './session-cookie';
import { presentSession, presentSessionById } from './session-view';
import { confirmTotpEnrolment, regenerateRecoveryCodes, startTotpEnrolment } from './two-factor.service';

const tags = ['auth'];

/** The live session of a route that requires one (access already checked it exists). */
export function sessionOf(request: FastifyRequest): SessionRecord {
  if (!request.accountSession) throw new AppError('auth.required');
  return request.accountSession;
}

export async function registerAuthRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const issue = async (request: FastifyRequest, reply: FastifyReply, issued: IssuedSession) => {
    setSessionCookie(request, reply, config, issued.token);
    return presentSessionById(db, config, issued.sessionId);
  };

  api.get(
    '/api/session',
    { config: { access: 'public' }, schema: { tags, response: { 200: SessionResponse } } },
    async (request) =>
      request.accountSession ? presentSession(db, config, request.accountSession) : anonymousSession,
  );

  api.post(
    '/api/auth/login',
    {
      config: { access: 'public', authRateLimit: true },
      schema: { tags, body: LoginRequest, response: { 200: SessionResponse } },
    },
    async (request, reply) => {
      const deviceToken = readDeviceCookie(request);
      const signedIn = await login(deps, request.ctx, request.body, request.accountSession?.sessionId, {
        userAgent: request.headers['user-agent'],
        deviceToken,
      });
      if (signedIn.deviceToken !== deviceToken) setDeviceCookie(request, reply, config, signedIn.deviceToken);
      return issue(request, reply, signedIn);
    },
  );

  api.post(
    '/api/auth/totp',
    {
      config: { access: 'authenticated', allowPartialLogin: true, authRateLimit: true },
      schema: { tags, body: TotpVerifyRequest, response: { 200: SessionResponse } },
    },
    async (request, reply) =>
      issue(request, reply, await verifySecondFactor(deps, request.ctx, sessionOf(request), request.body)),
  );

  api.post(
    '/api/auth/logout',
    { config: { access: 'public' }, schema: { tags, response: { 200: OkResponse } } },
    async (request, reply) => {
      await logout(deps, request.ctx, request.accountSession);
      clearSessionCookie(request, reply, config);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/auth/totp/enrolment',
    {
      config: { access: 'authenticated', allowPartialLogin: true },
      schema: { tags, response: { 200: TotpEnrolmentResponse } },
    },
    async (request) => startTotpEnrolment(deps, request.ctx, sessionOf(request)),
  );

  api.post(
    '/api/auth/totp/enrolment/confirm',
    {
      config: { access: 'authenticated', allowPartialLogin: true, authRateLimit: true },
      schema: { tags, body: TotpEnrolmentConfirmRequest, response: { 200: TotpEnrolmentConfirmResponse } },
    },
    async (request, reply) => {
      const { issued, recoveryCodes } = await confirmTotpEnrolment(
        deps,
        request.ctx,
        sessionOf(request),
        request.body.code,
      );
      return { recoveryCodes, session: await issue(request, reply, issued) };
    },
  );

  api.post(
    '/api/auth/recovery-codes',
    {
      config: { access: 'authenticated', authRateLimit: true },
      schema: { tags, body: RecoveryCodesRegenerateRequest, response: { 200: RecoveryCodesResponse } },
    },
    async (request) => ({
      recoveryCodes: await regenerateRecoveryCodes(deps, request.ctx, sessionOf(request), request.body.code),
    }),
  );
}
