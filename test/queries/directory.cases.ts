import * as changeRequestQueries from '../../src/server/modules/directory/change-request.queries';
import * as dataListQueries from '../../src/server/modules/directory/data-list.queries';
import * as facilityQueries from '../../src/server/modules/directory/facility.queries';
import * as reminderQueries from '../../src/server/modules/directory/reminder.queries';
import * as searchQueries from '../../src/server/modules/directory/search.queries';
import * as statsQueries from '../../src/server/modules/directory/stats.queries';
import { ids, MEGURO, NOW, type SnapshotSet } from './snapshot-set';

const { findFacilityRecord, writeSearchColumns } = facilityQueries;
const { readDirectoryGeneration, runSearch } = searchQueries;
const { findChangeRequest, findOpenFacility, insertChangeRequest, listChangeRequestRows } =
  changeRequestQueries;
const range = { from: '2025-04-01', to: '2026-03-31' };

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
    source: 'src/server/modules/directory/data-list.queries.ts',
    exports: dataListQueries,
    cases: [
      {
        name: 'listFacilitiesEnteredBefore (the council data list, as of a day)',
        run: (db) => dataListQueries.listFacilitiesEnteredBefore(db, MEGURO, NOW),
      },
      {
        name: 'listStatusAndCapabilityChangesSince (the history that rewinds today to that day)',
        run: (db) => dataListQueries.listStatusAndCapabilityChangesSince(db, MEGURO, NOW),
      },
      {
        name: 'listCurrentCapabilities',
        run: (db) => dataListQueries.listCurrentCapabilities(db, MEGURO),
      },
    ],
  },
  {
    source: 'src/server/modules/directory/facility.queries.ts',
    exports: facilityQueries,
    cases: [
      { name: 'findFacilityRecord', run: (db) => findFacilityRecord(db, ids.facility) },
      {
        name: 'findFacilityRecord (within a municipality, locked for a write)',
        run: (db) => findFacilityRecord(db, ids.facility, { municipalityCode: MEGURO, forUpdate: true }),
      },
      {
        name: 'writeSearchColumns (a batch as one jsonb parameter)',
        run: (db) =>
          writeSearchColumns(db, [
            { id: ids.facility, search_text: 'a', search_grams: [1], name_key: 'a', kana_key: 'a' },
          ]),
      },
    ],
    notShown: { pointOf: 'a value expression, not a statement: written by the facility writes' },
  },
  {
    source: 'src/server/modules/directory/search.queries.ts',
    exports: searchQueries,
    notShown: { searchStatement: 'the statement runSearch sends, shown under runSearch' },
    cases: [
      { name: 'runSearch (the municipality, no filter)', run: (db) => runSearch(db, plainSearch) },
      { name: 'readDirectoryGeneration', run: (db) => readDirectoryGeneration(db) },
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
      {
        name: 'insertChangeRequest',
        run: (db) =>
          insertChangeRequest(db, {
            municipality_code: MEGURO,
            facility_id: ids.facility,
            source: 'editor',
            base_version: 3,
            changes: '{}',
          }),
      },
      { name: 'findOpenFacility', run: (db) => findOpenFacility(db, ids.facility) },
    ],
  },
  {
    source: 'src/server/modules/directory/reminder.queries.ts',
    exports: reminderQueries,
    cases: [
      {
        name: 'findFacilitiesToRemind',
        run: (db) =>
          reminderQueries.findFacilitiesToRemind(db, MEGURO, { remindedBefore: NOW, staleBefore: NOW }),
      },
      { name: 'markReminded', run: (db) => reminderQueries.markReminded(db, ids.facility, NOW) },
      {
        name: 'insertConfirmToken',
        run: (db) =>
          reminderQueries.insertConfirmToken(db, {
            hash: 'h',
            municipalityCode: MEGURO,
            facilityId: ids.facility,
            expiresAt: NOW,
          }),
      },
      { name: 'findUsableToken (locked)', run: (db) => reminderQueries.findUsableToken(db, 'h', NOW) },
      { name: 'markTokenUsed', run: (db) => reminderQueries.markTokenUsed(db, 'h', NOW) },
      {
        name: 'markConfirmed (capabilities, then the facility)',
        run: (db) => reminderQueries.markConfirmed(db, ids.facility, NOW, 'facility'),
      },
    ],
  },
  {
    source: 'src/server/modules/directory/stats.queries.ts',
    exports: statsQueries,
    cases: [
      {
        name: 'monthlyCounts (views and searches, union all)',
        run: (db) => statsQueries.monthlyCounts(db, MEGURO, range),
      },
      { name: 'viewsPerFacility', run: (db) => statsQueries.viewsPerFacility(db, MEGURO, range, 20) },
      { name: 'topSearches', run: (db) => statsQueries.topSearches(db, MEGURO, range, 20, 3) },
      {
        name: 'zeroResultCounts (by district, then by capability)',
        run: (db) => statsQueries.zeroResultCounts(db, MEGURO, range),
      },
      {
        name: 'countFacilityView (insert … select, one more on conflict)',
        run: (db) => statsQueries.countFacilityView(db, ids.facility, '2026-04-01'),
      },
      {
        name: 'countSearch',
        run: (db) =>
          statsQueries.countSearch(db, {
            municipality_code: MEGURO,
            day: '2026-04-01',
            query_key: 'はいしゃ',
            district_code: '',
            capability_codes: '',
            facility_types: '',
            zero_result: false,
          }),
      },
    ],
  },
];
