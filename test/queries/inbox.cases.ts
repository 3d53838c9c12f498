import * as inboxQueries from '../../src/server/platform/inbox/inbox.queries';
import { ids, NOW, type SnapshotSet } from './snapshot-set';

const { countUnread, findOwnNotice, listInboxRows } = inboxQueries;

export const inboxSnapshots: SnapshotSet[] = [
  {
    source: 'src/server/platform/inbox/inbox.queries.ts',
    exports: inboxQueries,
    cases: [
      {
        name: 'listInboxRows (first page)',
        run: (db) => listInboxRows(db, ids.user, { limit: 20 }, undefined),
      },
      {
        name: 'listInboxRows (after a keyset position)',
        run: (db) =>
          listInboxRows(db, ids.user, { limit: 20 }, { unread: true, createdAt: NOW, id: ids.notice }),
      },
      { name: 'countUnread', run: (db) => countUnread(db, ids.user) },
      {
        name: 'findOwnNotice',
        run: (db) => db.transaction().execute((trx) => findOwnNotice(trx, ids.user, ids.notice)),
      },
    ],
  },
];
