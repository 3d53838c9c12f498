import { sql } from 'kysely';
import * as accessLogQueries from '../../src/server/platform/access-log/access-log.queries';
import * as settingsQueries from '../../src/server/platform/installation-settings.queries';
import * as municipalityQueries from '../../src/server/platform/municipality.queries';
import { ids, MEGURO, NOW, type SnapshotSet } from './snapshot-set';

export const platformSnapshots: SnapshotSet[] = [
  {
    source: 'src/server/platform/municipality.queries.ts',
    exports: municipalityQueries,
    cases: [
      { name: 'findMunicipality', run: (db) => municipalityQueries.findMunicipality(db, MEGURO) },
      { name: 'findMunicipalityName', run: (db) => municipalityQueries.findMunicipalityName(db, MEGURO) },
      {
        name: 'insertMunicipality',
        run: (db) =>
          municipalityQueries.insertMunicipality(db, { code: MEGURO, name: '目黒区', prefecture: '東京都' }),
      },
      { name: 'listMunicipalities', run: (db) => municipalityQueries.listMunicipalities(db) },
    ],
  },
  {
    source: 'src/server/platform/installation-settings.queries.ts',
    exports: settingsQueries,
    cases: [
      {
        name: 'readInstallationSetting',
        run: (db) => settingsQueries.readInstallationSetting(db, 'demo_seeded'),
      },
      {
        name: 'writeInstallationSetting',
        run: (db) => settingsQueries.writeInstallationSetting(db, 'demo_banner', ['demo']),
      },
    ],
  },
  {
    source: 'src/server/platform/access-log/access-log.queries.ts',
    exports: accessLogQueries,
    cases: [
      {
        name: 'listAccessLogRows (first page)',
        run: (db) => accessLogQueries.listAccessLogRows(db, MEGURO, {}, { limit: 51 }),
      },
      {
        name: 'listAccessLogRows (every filter, before an id)',
        run: (db) =>
          accessLogQueries.listAccessLogRows(
            db,
            MEGURO,
            {
              patientId: ids.patient,
              actorUserId: ids.user,
              action: 'read',
              basis: 'circle',
              recordType: 'user',
              recordId: ids.otherUser,
              from: '2026-04-01T00:00:00.000Z',
              to: '2026-05-01T00:00:00.000Z',
            },
            { beforeId: 42, limit: 51 },
          ),
      },
      {
        name: 'insertAccessLogFrom (the rows of a source statement)',
        run: (db) =>
          accessLogQueries.insertAccessLogFrom(
            db,
            {
              occurredAt: NOW,
              municipalityCode: MEGURO,
              actorUserId: ids.user,
              actorLabel: 'a@example.jp',
              action: 'read',
              requestId: 'req-1',
              clientIp: '127.0.0.1',
            },
            // raw sql: an example source; the real ones are the patient page's sections.
            sql`select ${ids.patient}::uuid, 'patient', ${ids.patient}, 'circle'`,
          ),
      },
      {
        name: 'findLastSealDetails',
        run: (db) => accessLogQueries.findLastSealDetails(db, 'access_log.seal'),
      },
      { name: 'listSealDetails', run: (db) => accessLogQueries.listSealDetails(db, 'access_log.seal') },
      { name: 'findLastSettledId', run: (db) => accessLogQueries.findLastSettledId(db, 100, NOW) },
      { name: 'listAccessLogRange', run: (db) => accessLogQueries.listAccessLogRange(db, 100, 200, 5_000) },
      { name: 'countAccessLogAfter', run: (db) => accessLogQueries.countAccessLogAfter(db, 200) },
    ],
  },
];
