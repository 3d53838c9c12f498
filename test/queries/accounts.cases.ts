import * as auditViewerQueries from '../../src/server/modules/accounts/audit-viewer.queries';
import * as outboxAdminQueries from '../../src/server/modules/accounts/outbox-admin.queries';
import * as sessionQueries from '../../src/server/modules/accounts/session.queries';
import * as userQueries from '../../src/server/modules/accounts/user.queries';
import { ids, MEGURO, NOW, type SnapshotSet } from './snapshot-set';

const { findUserByEmail, findUserById, updateUser } = userQueries;
const {
  deleteSession,
  deleteSessionOfUser,
  deleteSessionsBeyond,
  deleteSessionsOfUser,
  findSessionRecord,
  insertSession,
  listSessionsOfUser,
  updateSession,
} = sessionQueries;

export const accountsSnapshots: SnapshotSet[] = [
  {
    source: 'src/server/modules/accounts/user.queries.ts',
    exports: userQueries,
    cases: [
      { name: 'findUserByEmail', run: (db) => findUserByEmail(db, 'Clinician@Example.jp') },
      { name: 'findUserById', run: (db) => findUserById(db, ids.user) },
      {
        name: 'findUserById (locked, within a municipality)',
        run: (db) => findUserById(db, ids.user, { lock: true, municipalityCode: MEGURO }),
      },
      {
        name: 'updateUser',
        run: (db) => updateUser(db, ids.user, { failed_attempts: 0, locked_until: null }),
      },
    ],
  },
  {
    source: 'src/server/modules/accounts/session.queries.ts',
    exports: sessionQueries,
    cases: [
      {
        name: 'findSessionRecord (by token hash)',
        run: (db) => findSessionRecord(db, { tokenHash: 'hash' }),
      },
      { name: 'findSessionRecord (by id)', run: (db) => findSessionRecord(db, { sessionId: ids.session }) },
      {
        name: 'insertSession',
        run: (db) =>
          insertSession(db, {
            userId: ids.user,
            tokenHash: 'hash',
            csrfToken: 'csrf',
            twoFactorVerified: false,
            clientIp: '127.0.0.1',
            now: NOW,
          }),
      },
      {
        name: 'updateSession',
        run: (db) => updateSession(db, ids.session, { two_factor_verified: true, last_seen_at: NOW }),
      },
      { name: 'deleteSession', run: (db) => deleteSession(db, ids.session) },
      { name: 'deleteSessionsOfUser', run: (db) => deleteSessionsOfUser(db, ids.user) },
      {
        name: 'deleteSessionsOfUser (but the current one)',
        run: (db) => deleteSessionsOfUser(db, ids.user, ids.session),
      },
      { name: 'deleteSessionOfUser', run: (db) => deleteSessionOfUser(db, ids.user, ids.session) },
      {
        name: 'deleteSessionsBeyond (the session cap)',
        run: (db) => deleteSessionsBeyond(db, ids.user, 5, ids.session),
      },
      { name: 'listSessionsOfUser', run: (db) => listSessionsOfUser(db, ids.user) },
    ],
  },
  {
    source: 'src/server/modules/accounts/outbox-admin.queries.ts',
    exports: outboxAdminQueries,
    cases: [
      {
        name: 'listOutboxRows (first page, by status)',
        run: (db) => outboxAdminQueries.listOutboxRows(db, MEGURO, { status: 'failed' }, { limit: 51 }),
      },
      {
        name: 'listOutboxRows (after a keyset position)',
        run: (db) =>
          outboxAdminQueries.listOutboxRows(
            db,
            MEGURO,
            {},
            { after: { sort: NOW.toISOString(), id: ids.notice }, limit: 51 },
          ),
      },
    ],
  },
  {
    source: 'src/server/modules/accounts/audit-viewer.queries.ts',
    exports: auditViewerQueries,
    cases: [
      {
        name: 'listAuditRows (an action prefix, after an id)',
        run: (db) =>
          auditViewerQueries.listAuditRows(db, MEGURO, { action: 'auth.' }, { beforeId: 1000, limit: 51 }),
      },
    ],
  },
];
