import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  InvitationAccept,
  InvitationPreview,
  OkResponse,
  PasswordChangeRequest,
  PasswordResetComplete,
  PasswordResetRequest,
  SessionResponse,
  TokenParams,
} from '../../../contracts/accounts';
import type { ModuleDeps } from '../../platform/module';
import { sessionOf } from './auth.routes';
import { changePassword, completePasswordReset, requestPasswordReset } from './credential.service';
import { acceptInvitation, previewInvitation } from './invitation.service';
import { publicBaseUrl, readDeviceCookie, setDeviceCookie, setSessionCookie } from './session-cookie';
import { presentSessionById } from './session-view';
import { createToken, hashToken } from './tokens';

const tags = ['auth'];

/** Password reset, invitation acceptance (public, rate-limited) and password change. */
export async function registerCredentialRoutes(app: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { config, db } = deps;

  api.post(
    '/api/auth/password-reset',
    {
      config: { access: 'public', authRateLimit: true },
      schema: { tags, body: PasswordResetRequest, response: { 202: OkResponse } },
    },
    async (request, reply) => {
      await requestPasswordReset(deps, request.ctx, request.body.email, publicBaseUrl(request, config));
      return reply.status(202).send({ ok: true as const });
    },
  );

  api.post(
    '/api/auth/password-reset/complete',
    {
      config: { access: 'public', authRateLimit: true },
      schema: { tags, body: PasswordResetComplete, response: { 200: OkResponse } },
    },
    async (request) => {
      await completePasswordReset(deps, request.ctx, request.body);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/auth/invitations/:token',
    {
      config: { access: 'public', authRateLimit: true },
      schema: { tags, params: TokenParams, response: { 200: InvitationPreview } },
    },
    async (request) => previewInvitation(deps, request.params.token),
  );

  api.post(
    '/api/auth/invitations/accept',
    {
      config: { access: 'public', authRateLimit: true },
      schema: { tags, body: InvitationAccept, response: { 200: SessionResponse } },
    },
    async (request, reply) => {
      const deviceToken = readDeviceCookie(request) ?? createToken();
      const issued = await acceptInvitation(deps, request.ctx, request.body, {
        userAgent: request.headers['user-agent'],
        deviceHash: hashToken(deviceToken),
      });
      setSessionCookie(request, reply, config, issued.token);
      setDeviceCookie(request, reply, config, deviceToken);
      return presentSessionById(db, config, issued.sessionId);
    },
  );

  api.post(
    '/api/account/password',
    {
      config: { access: 'authenticated', allowPendingPasswordChange: true, authRateLimit: true },
      schema: { tags: ['account'], body: PasswordChangeRequest, response: { 200: OkResponse } },
    },
    async (request) => {
      await changePassword(deps, request.ctx, sessionOf(request), request.body);
      return { ok: true as const };
    },
  );
}
