import * as changeRequestQueries from '../../src/server/modules/directory/change-request.queries';
import * as facilityQueries from '../../src/server/modules/directory/facility.queries';
import * as searchQueries from '../../src/server/modules/directory/search.queries';
import { ids, MEGURO, NOW, type SnapshotSet } from './snapshot-set';

const { findFacilityRecord } = facilityQueries;
const { runSearch } = searchQueries;
const { findChangeRequest, listChangeRequestRows } = changeRequestQueries;

const plainSearch: searchQueries.SearchPlan = {
  municipalityCode: MEGURO,
  keywords: [],
  types: [],
  capabilities: [],
  accepting: false,
  sort: 'kana',
  limit: 20,
  offset: 0,
};
const tuesday = { date: '2026-03-31', weekday: 2, nth: 5, holiday: false, yearEnd: false };

export const directorySnapshots: SnapshotSet[] = [
  {
    source: 'src/server/modules/directory/facility.queries.ts',
    exports: facilityQueries,
    cases: [
      { name: 'findFacilityRecord', run: (db) => findFacilityRecord(db, ids.facility) },
      {
        name: 'findFacilityRecord (within a municipality, locked for a write)',
        run: (db) => findFacilityRecord(db, ids.facility, { municipalityCode: MEGURO, forUpdate: true }),
      },
    ],
  },
  {
    source: 'src/server/modules/directory/search.queries.ts',
    exports: searchQueries,
    notShown: { searchStatement: 'the statement runSearch sends, shown under runSearch' },
    cases: [
      { name: 'runSearch (the municipality, no filter)', run: (db) => runSearch(db, plainSearch) },
      {
        // はいしゃ also matches its written forms (search-readings.ts): an OR of index conditions.
        name: 'runSearch (keywords, type, district, a capability, relevance)',
        run: (db) =>
          runSearch(db, {
            ...plainSearch,
            keywords: ['はいしゃ', '目'],
            types: ['dental_clinic'],
            capabilities: ['home_visit'],
            districtCode: '01',
            sort: 'relevance',
          }),
      },
      {
        name: 'runSearch (open now, accepting, near a place, fresh confirmations only)',
        run: (db) =>
          runSearch(db, {
            ...plainSearch,
            capabilities: ['end_of_life', 'round_the_clock'],
            town: '上目黒',
            open: { minute: 600, today: tuesday, yesterday: { ...tuesday, weekday: 1, holiday: true } },
            accepting: true,
            near: { lat: 35.6415, lng: 139.6982 },
            radiusM: 1500,
            sort: 'distance',
            freshSince: NOW,
          }),
      },
    ],
  },
  {
    source: 'src/server/modules/directory/change-request.queries.ts',
    exports: changeRequestQueries,
    cases: [
      { name: 'findChangeRequest', run: (db) => findChangeRequest(db, MEGURO, ids.request) },
      {
        name: 'findChangeRequest (locked for a decision)',
        run: (db) => findChangeRequest(db, MEGURO, ids.request, true),
      },
      {
        name: 'listChangeRequestRows (pending, oldest first: count, then the page)',
        run: (db) => listChangeRequestRows(db, MEGURO, { status: 'pending', limit: 50, offset: 0 }),
      },
      {
        name: 'listChangeRequestRows (one facility, residents reports)',
        run: (db) =>
          listChangeRequestRows(db, MEGURO, {
            source: 'resident_report',
            facilityId: ids.facility,
            limit: 50,
            offset: 50,
          }),
      },
    ],
  },
];
