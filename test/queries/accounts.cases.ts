import * as auditViewerQueries from '../../src/server/modules/accounts/audit-viewer.queries';
import * as invitationQueries from '../../src/server/modules/accounts/invitation.queries';
import * as organisationQueries from '../../src/server/modules/accounts/organisation.queries';
import * as outboxAdminQueries from '../../src/server/modules/accounts/outbox-admin.queries';
import * as passwordResetQueries from '../../src/server/modules/accounts/password-reset.queries';
import * as sessionQueries from '../../src/server/modules/accounts/session.queries';
import * as totpSecretQueries from '../../src/server/modules/accounts/totp-secret.queries';
import * as userQueries from '../../src/server/modules/accounts/user.queries';
import * as userAdminQueries from '../../src/server/modules/accounts/user-admin.queries';
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
      {
        name: 'insertUser',
        run: (db) =>
          userQueries.insertUser(db, {
            municipality_code: MEGURO,
            email: 'new@example.jp',
            display_name: '新しい人',
            password_hash: 'scrypt$…',
            last_login_at: null,
          }),
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
    source: 'src/server/modules/accounts/user-admin.queries.ts',
    exports: userAdminQueries,
    cases: [
      { name: 'findAdminUser', run: (db) => userAdminQueries.findAdminUser(db, MEGURO, ids.user) },
      {
        name: 'listAdminUsers (first page, every filter)',
        run: (db) =>
          userAdminQueries.listAdminUsers(
            db,
            MEGURO,
            { q: 'Kango', status: 'active', organisationId: ids.organisation },
            { limit: 51 },
          ),
      },
      {
        name: 'listAdminUsers (after a keyset position)',
        run: (db) =>
          userAdminQueries.listAdminUsers(
            db,
            MEGURO,
            {},
            { after: { sort: 'a@example.jp', id: ids.user }, limit: 51 },
          ),
      },
      { name: 'lockWardAdmins', run: (db) => userAdminQueries.lockWardAdmins(db, MEGURO) },
      {
        name: 'countActiveWardAdmins (leaving out one membership)',
        run: (db) => userAdminQueries.countActiveWardAdmins(db, MEGURO, ids.item),
      },
      { name: 'listWardAdminEmails', run: (db) => userAdminQueries.listWardAdminEmails(db, MEGURO) },
      {
        name: 'insertMembership',
        run: (db) =>
          userAdminQueries.insertMembership(db, {
            municipalityCode: MEGURO,
            userId: ids.user,
            organisationId: ids.organisation,
            role: 'clinician',
          }),
      },
      {
        name: 'findMembership (locked)',
        run: (db) => userAdminQueries.findMembership(db, MEGURO, ids.item, { lock: true }),
      },
      { name: 'deleteMembership', run: (db) => userAdminQueries.deleteMembership(db, ids.item) },
    ],
  },
  {
    source: 'src/server/modules/accounts/organisation.queries.ts',
    exports: organisationQueries,
    cases: [
      {
        name: 'findOrganisation (locked)',
        run: (db) => organisationQueries.findOrganisation(db, MEGURO, ids.organisation, { lock: true }),
      },
      {
        name: 'listOrganisations (by kind and name)',
        run: (db) => organisationQueries.listOrganisations(db, MEGURO, { kind: 'clinic', q: '目黒' }),
      },
      {
        name: 'isOrganisationInUse',
        run: (db) => organisationQueries.isOrganisationInUse(db, ids.organisation),
      },
      {
        name: 'listLinkedFacilityIds',
        run: (db) => organisationQueries.listLinkedFacilityIds(db, MEGURO, [ids.organisation, ids.hospital]),
      },
      {
        name: 'insertOrganisation',
        run: (db) =>
          organisationQueries.insertOrganisation(db, {
            municipality_code: MEGURO,
            kind: 'clinic',
            name: '目黒診療所',
            name_kana: null,
            facility_id: null,
          }),
      },
      {
        name: 'updateOrganisationRow',
        run: (db) =>
          organisationQueries.updateOrganisationRow(db, ids.organisation, {
            name: '新しい名前',
            updated_at: NOW,
          }),
      },
      {
        name: 'deleteOrganisationRow',
        run: (db) => organisationQueries.deleteOrganisationRow(db, ids.organisation),
      },
      {
        name: 'findFirstOrganisationOfKind',
        run: (db) => organisationQueries.findFirstOrganisationOfKind(db, MEGURO, 'ward_section'),
      },
    ],
    notShown: { escapeLike: 'plain text function, sends no SQL' },
  },
  {
    source: 'src/server/modules/accounts/invitation.queries.ts',
    exports: invitationQueries,
    cases: [
      {
        name: 'findInvitationByTokenHash (locked)',
        run: (db) => invitationQueries.findInvitationByTokenHash(db, 'hash', { lock: true }),
      },
      { name: 'findInvitation', run: (db) => invitationQueries.findInvitation(db, MEGURO, ids.request) },
      {
        name: 'listInvitations (pending)',
        run: (db) => invitationQueries.listInvitations(db, MEGURO, 'pending', NOW),
      },
      {
        name: 'insertInvitation',
        run: (db) =>
          invitationQueries.insertInvitation(db, {
            municipality_code: MEGURO,
            token_hash: 'hash',
            email: 'invitee@example.jp',
            organisation_id: ids.organisation,
            role: 'clinician',
            invited_by: ids.user,
            invited_by_label: 'admin@example.jp',
            mail_id: null,
            created_at: NOW,
            expires_at: NOW,
            accepted_at: null,
            accepted_user_id: null,
            revoked_at: null,
          }),
      },
      {
        name: 'updateInvitation (accepted)',
        run: (db) =>
          invitationQueries.updateInvitation(db, ids.request, {
            accepted_at: NOW,
            accepted_user_id: ids.user,
          }),
      },
    ],
    notShown: { invitationStatus: 'pure function of a row, sends no SQL' },
  },
  {
    source: 'src/server/modules/accounts/totp-secret.queries.ts',
    exports: totpSecretQueries,
    cases: [
      { name: 'countSealedUserSecrets', run: (db) => totpSecretQueries.countSealedUserSecrets(db) },
      {
        name: 'lockUserSecrets (stored as they are)',
        run: (db) => totpSecretQueries.lockUserSecrets(db, { unsealedOnly: true }),
      },
      { name: 'setUserSecret', run: (db) => totpSecretQueries.setUserSecret(db, ids.user, 'enc:v1:…') },
      {
        name: 'lockPendingOffers (every one)',
        run: (db) => totpSecretQueries.lockPendingOffers(db, { unsealedOnly: false }),
      },
      {
        name: 'setPendingOffer (dropped)',
        run: (db) => totpSecretQueries.setPendingOffer(db, ids.session, null),
      },
    ],
  },
  {
    source: 'src/server/modules/accounts/password-reset.queries.ts',
    exports: passwordResetQueries,
    cases: [
      { name: 'countResetsSince', run: (db) => passwordResetQueries.countResetsSince(db, ids.user, NOW) },
      {
        name: 'insertPasswordReset',
        run: (db) =>
          passwordResetQueries.insertPasswordReset(db, {
            user_id: ids.user,
            token_hash: 'hash',
            created_at: NOW,
            expires_at: NOW,
            used_at: null,
          }),
      },
      { name: 'findUsableReset', run: (db) => passwordResetQueries.findUsableReset(db, 'hash', NOW) },
      { name: 'useOpenResets', run: (db) => passwordResetQueries.useOpenResets(db, ids.user, NOW) },
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
            { after: { sort: NOW, id: ids.notice }, limit: 51 },
          ),
      },
      {
        name: 'findOutboxMail (locked)',
        run: (db) => outboxAdminQueries.findOutboxMail(db, MEGURO, ids.notice, { lock: true }),
      },
      { name: 'requeueOutboxMail', run: (db) => outboxAdminQueries.requeueOutboxMail(db, ids.notice, NOW) },
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
