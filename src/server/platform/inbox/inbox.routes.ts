import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  InboxNotice,
  InboxPage,
  InboxReadAllResponse,
  InboxUnreadCount,
  NoticeId,
} from '../../../contracts/inbox';
import { PageQuery } from '../../../contracts/page';
import type { ModuleDeps } from '../module';
import {
  acknowledgeNotice,
  getUnreadCount,
  listInbox,
  markAllNoticesRead,
  markNoticeRead,
} from './inbox.service';

const tags = ['inbox'];
const IdParams = z.object({ id: NoticeId });

/** The signed-in user's inbox; mounted by buildApp for every installation (it is platform). */
export function registerInboxRoutes(root: FastifyInstance, deps: ModuleDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/inbox',
    {
      schema: { tags, querystring: PageQuery, response: { 200: InboxPage } },
      config: { access: 'authenticated' },
    },
    async (request) => listInbox(deps, request.ctx, request.query),
  );
  app.get(
    '/api/inbox/unread-count',
    { schema: { tags, response: { 200: InboxUnreadCount } }, config: { access: 'authenticated' } },
    async (request) => ({ unreadCount: await getUnreadCount(deps, request.ctx) }),
  );
  app.post(
    '/api/inbox/read-all',
    { schema: { tags, response: { 200: InboxReadAllResponse } }, config: { access: 'authenticated' } },
    async (request) => markAllNoticesRead(deps, request.ctx),
  );
  app.post(
    '/api/inbox/:id/read',
    {
      schema: { tags, params: IdParams, response: { 200: InboxNotice } },
      config: { access: 'authenticated' },
    },
    async (request) => markNoticeRead(deps, request.ctx, request.params.id),
  );
  app.post(
    '/api/inbox/:id/acknowledge',
    {
      schema: { tags, params: IdParams, response: { 200: InboxNotice } },
      config: { access: 'authenticated' },
    },
    async (request) => acknowledgeNotice(deps, request.ctx, request.params.id),
  );
}
