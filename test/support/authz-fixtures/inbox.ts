import { createUser } from '../factories/accounts';
import type { AuthzFixture } from './types';
import '../../../src/server/platform/inbox/inbox.table';

/** A real inbox notice of a 目黒区 clinician: nobody else, and nobody of another municipality, may touch it. */
const inboxNotice: AuthzFixture['build'] = async ({ db, municipalityCode }) => {
  const owner = await createUser(db, { municipalityCode, role: 'clinician' });
  const event = await db
    .insertInto('notice_events')
    .values({
      municipality_code: municipalityCode,
      kind: 'test.authz',
      recipient_user_ids: [owner.id],
      title: '権限表テスト',
      body: '権限表のテスト',
      link: null,
      record_type: null,
      record_id: null,
      patient_id: null,
      send_mail: false,
      requires_ack: true,
      processed_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('inbox_notices')
    .values({
      event_id: event.id,
      municipality_code: municipalityCode,
      user_id: owner.id,
      kind: 'test.authz',
      title: '権限表テスト',
      body: '権限表のテスト',
      link: null,
      record_type: null,
      record_id: null,
      patient_id: null,
      requires_ack: true,
      read_at: null,
      acknowledged_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
};

export const authzFixtures: AuthzFixture[] = [
  { route: 'POST /api/inbox/:id/read', build: inboxNotice },
  { route: 'POST /api/inbox/:id/acknowledge', build: inboxNotice },
];
