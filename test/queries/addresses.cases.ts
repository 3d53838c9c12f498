import * as addressPointQueries from '../../src/server/modules/addresses/address-point.queries';
import { MEGURO, NOW, type SnapshotSet } from './snapshot-set';

const { deleteAddressPoints, findAddressPoint, insertAddressPoints, listAddressTowns } = addressPointQueries;

export const addressesSnapshots: SnapshotSet[] = [
  {
    source: 'src/server/modules/addresses/address-point.queries.ts',
    exports: addressPointQueries,
    cases: [
      { name: 'listAddressTowns', run: (db) => listAddressTowns(db, MEGURO) },
      {
        name: 'findAddressPoint (a 住居)',
        run: (db) =>
          findAddressPoint(db, MEGURO, {
            townKey: '原町',
            level: 'residence',
            chome: 1,
            block: '1',
            residence: '1',
          }),
      },
      {
        name: 'findAddressPoint (a town without 丁目)',
        run: (db) => findAddressPoint(db, MEGURO, { townKey: '原町', level: 'town', chome: null }),
      },
      { name: 'deleteAddressPoints', run: (db) => deleteAddressPoints(db, MEGURO) },
      {
        name: 'insertAddressPoints',
        run: (db) =>
          insertAddressPoints(db, [
            {
              municipality_code: MEGURO,
              machiaza_id: '0015001',
              blk_id: '001',
              rsdt_id: '',
              rsdt2_id: '',
              level: 'block',
              town_name: '原町',
              town_key: '原町',
              chome: 1,
              block: '1',
              residence: null,
              residence2: null,
              lat: 35.6169,
              lng: 139.6941,
              imported_at: NOW,
            },
          ]),
      },
    ],
  },
];
