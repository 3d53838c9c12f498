import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FaxSheet, NoticeLinkAnswerBody, NoticeLinkToken, NoticeLinkView } from '../../../contracts/notices';
import type { ModuleDeps } from '../../platform/module';
import { answerNoticeLink, issueFaxSheet, viewNoticeLink } from './notice-link.service';

const tags = ['discharge'];
const coordinators = ['hospital_staff', 'center_staff'] as const;
const NoticeParams = z.object({ id: z.uuid() });
const TokenParams = z.object({ token: NoticeLinkToken });
const Ok = z.object({ ok: z.literal(true) });

/** The FAX sheet (staff) and its one-time link (anyone holding it: the recipient without an account). */
export async function registerNoticeLinkRoutes(root: FastifyInstance, deps: ModuleDeps): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  // POST: each sheet issues a new link (the old one stops working), so it is not a safe GET.
  app.post(
    '/api/discharge-notices/:id/fax-sheet',
    {
      schema: { tags, params: NoticeParams, response: { 200: FaxSheet } },
      config: { access: coordinators },
    },
    async (request) => issueFaxSheet(deps, request.ctx, request.params.id),
  );

  app.get(
    '/api/notice-links/:token',
    {
      schema: { tags, params: TokenParams, response: { 200: NoticeLinkView } },
      config: { access: 'public' },
    },
    async (request) => viewNoticeLink(deps, request.ctx, request.params.token),
  );

  app.post(
    '/api/notice-links/:token/answer',
    {
      schema: { tags, params: TokenParams, body: NoticeLinkAnswerBody, response: { 200: Ok } },
      config: { access: 'public' },
    },
    async (request) => {
      await answerNoticeLink(deps, request.ctx, request.params.token, request.body);
      return { ok: true as const };
    },
  );
}
