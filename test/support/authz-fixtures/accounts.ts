import { createOrganisation, createUser } from '../factories/accounts';
import type { AuthzFixture } from './types';
import '../../../src/server/modules/accounts/invitation.table';
import '../../../src/server/platform/mail/outbox.table';

async function invitation(
  ctx: Parameters<AuthzFixture['build']>[0],
): Promise<{ id: string; mailId: string }> {
  const organisation = await createOrganisation(ctx.db, { municipalityCode: ctx.municipalityCode });
  const mail = await ctx.db
    .insertInto('mail_outbox')
    .values({
      kind: 'invitation',
      to_address: 'matrix@example.jp',
      subject: 's',
      body_text: 'b',
      municipality_code: ctx.municipalityCode,
      last_error: null,
      sent_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const now = new Date();
  const row = await ctx.db
    .insertInto('invitations')
    .values({
      municipality_code: ctx.municipalityCode,
      token_hash: `matrix-${Math.random()}`,
      email: 'matrix@example.jp',
      organisation_id: organisation.id,
      role: 'clinician',
      invited_by: null,
      invited_by_label: null,
      mail_id: mail.id,
      created_at: now,
      expires_at: new Date(now.getTime() + 86_400_000),
      accepted_at: null,
      accepted_user_id: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, mailId: mail.id };
}

const organisation: AuthzFixture['build'] = async (ctx) => ({
  id: (await createOrganisation(ctx.db, { municipalityCode: ctx.municipalityCode })).id,
});
const user: AuthzFixture['build'] = async (ctx) => ({
  id: (await createUser(ctx.db, { municipalityCode: ctx.municipalityCode, role: 'clinician' })).id,
});

export const authzFixtures: AuthzFixture[] = [
  { route: 'GET /api/admin/organisations/:id', build: organisation },
  { route: 'PATCH /api/admin/organisations/:id', build: organisation },
  { route: 'DELETE /api/admin/organisations/:id', build: organisation },
  { route: 'GET /api/admin/users/:id', build: user },
  { route: 'POST /api/admin/users/:id/disable', build: user },
  { route: 'POST /api/admin/users/:id/enable', build: user },
  { route: 'POST /api/admin/users/:id/reset-two-factor', build: user },
  {
    route: 'DELETE /api/admin/memberships/:id',
    build: async (ctx) => {
      const { id } = await createUser(ctx.db, { municipalityCode: ctx.municipalityCode, role: 'clinician' });
      const m = await ctx.db
        .selectFrom('memberships')
        .select('id')
        .where('user_id', '=', id)
        .executeTakeFirstOrThrow();
      return { id: m.id };
    },
  },
  {
    route: 'POST /api/admin/invitations/:id/revoke',
    build: async (ctx) => ({ id: (await invitation(ctx)).id }),
  },
  { route: 'GET /api/admin/outbox/:id', build: async (ctx) => ({ id: (await invitation(ctx)).mailId }) },
  {
    route: 'POST /api/admin/outbox/:id/retry',
    build: async (ctx) => ({ id: (await invitation(ctx)).mailId }),
  },
];
