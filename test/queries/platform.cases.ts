import * as settingsQueries from '../../src/server/platform/installation-settings.queries';
import * as municipalityQueries from '../../src/server/platform/municipality.queries';
import { MEGURO, type SnapshotSet } from './snapshot-set';

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
];
