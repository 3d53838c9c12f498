import {
  type FacilityStatus,
  FacilityType,
  facilityTypeLabels,
  type StandardCapabilityCode,
  standardCapabilities,
} from '../../../contracts/directory';
import type { RequestContext } from '../../platform/context';
import {
  type DataListPeriod,
  type DataListSectionProvider,
  type DataListSectionRow,
  periodWhen,
  plainFigure,
} from '../../platform/data-list/data-list-sections';
import type { Executor } from '../../platform/db/schema';
import {
  listCurrentCapabilities,
  listFacilitiesEnteredBefore,
  listStatusAndCapabilityChangesSince,
} from './data-list.queries';
import { requireActor } from './directory.policy';
import { monthlyCounts } from './stats.queries';

/** The instant the Tokyo day after `day` starts: counts "as of" a day include all of it. */
function endOfTokyoDay(day: string): Date {
  return new Date(new Date(`${day}T00:00:00+09:00`).getTime() + 86_400_000);
}

/**
 * The capabilities the council asks about (MISSION.md items 1 and 6: 24-hour doctors, house
 * calls, the few pharmacies doing sterile compounding and narcotic pumps), each for the facility
 * types that provide it.
 */
const CAPABILITY_ROWS: Array<{ code: StandardCapabilityCode; types: FacilityType[] }> = [
  { code: 'home_visit', types: ['hospital', 'clinic'] },
  { code: 'house_call', types: ['hospital', 'clinic'] },
  { code: 'round_the_clock', types: ['hospital', 'clinic'] },
  { code: 'end_of_life', types: ['hospital', 'clinic'] },
  { code: 'round_the_clock', types: ['visiting_nurse_station'] },
  { code: 'dental_home_visit', types: ['dental_clinic'] },
  { code: 'home_medication', types: ['pharmacy'] },
  { code: 'sterile_compounding', types: ['pharmacy'] },
  { code: 'opioid_pump', types: ['pharmacy'] },
];

const capabilityName = new Map<string, { ja: string; en: string }>(
  standardCapabilities.map((c) => [c.code, { ja: c.ja, en: c.en }]),
);

type Listed = { id: string; type: FacilityType; capabilities: Set<string> };

/**
 * The facilities listed (status active) at the end of `asOf`, each with the capabilities it listed
 * then: today's state, rewound by the `before` side of the first status or capability change
 * after that moment in the directory's history.
 */
async function listedAsOf(db: Executor, municipalityCode: string, asOf: string) {
  const end = endOfTokyoDay(asOf);
  const [facilities, later, capabilities] = await Promise.all([
    listFacilitiesEnteredBefore(db, municipalityCode, end),
    listStatusAndCapabilityChangesSince(db, municipalityCode, end),
    listCurrentCapabilities(db, municipalityCode),
  ]);
  const statusThen = new Map<string, FacilityStatus>();
  const capabilitiesThen = new Map<string, string[]>();
  for (const change of later) {
    if (change.has_status && change.status_before && !statusThen.has(change.facility_id))
      statusThen.set(change.facility_id, change.status_before);
    if (change.has_capabilities && !capabilitiesThen.has(change.facility_id))
      capabilitiesThen.set(change.facility_id, change.capabilities_before ?? []);
  }
  const current = new Map<string, string[]>();
  for (const c of capabilities) current.set(c.facility_id, [...(current.get(c.facility_id) ?? []), c.code]);
  const listed: Array<Listed & { satellite: boolean }> = [];
  for (const f of facilities) {
    if ((statusThen.get(f.id) ?? f.status) !== 'active') continue;
    listed.push({
      id: f.id,
      type: f.type,
      satellite: f.main_station_id !== null,
      capabilities: new Set(capabilitiesThen.get(f.id) ?? current.get(f.id) ?? []),
    });
  }
  return listed;
}

const asOfFigure = (value: number, date: string) => plainFigure(value, { kind: 'as_of', date });

const municipalityOf = (ctx: RequestContext) => requireActor(ctx.actor).municipalityCode;

/**
 * 医療・介護資源: facilities listed in the directory by kind, and those listing the capabilities
 * the council watches, as of the fiscal year's last day (today while it runs).
 */
export const directoryResourcesSection: DataListSectionProvider = {
  id: 'directory_resources',
  title: {
    ja: '医療・介護資源（医療介護資源情報提供システム）',
    en: 'Medical and care resources (the directory)',
  },
  source: {
    ja: '本システムの施設名簿（掲載中の施設。休止・廃止は除く）と変更履歴',
    en: 'This system’s directory (facilities listed, not suspended or closed) and its change history',
  },
  async rows(deps, ctx, period: DataListPeriod): Promise<DataListSectionRow[]> {
    const listed = await listedAsOf(deps.db, municipalityOf(ctx), period.to);
    const rows: DataListSectionRow[] = FacilityType.options.map((type) => ({
      key: `facilities_${type}`,
      label: facilityTypeLabels[type],
      unit: 'count',
      figure: asOfFigure(listed.filter((f) => f.type === type).length, period.to),
    }));
    const nurses = rows.findIndex((r) => r.key === 'facilities_visiting_nurse_station');
    rows.splice(nurses + 1, 0, {
      key: 'facilities_visiting_nurse_satellites',
      label: { ja: 'うちサテライト', en: 'of which satellites' },
      unit: 'count',
      figure: asOfFigure(
        listed.filter((f) => f.type === 'visiting_nurse_station' && f.satellite).length,
        period.to,
      ),
    });
    for (const { code, types } of CAPABILITY_ROWS) {
      const name = capabilityName.get(code)!;
      const typeJa = types.map((t) => facilityTypeLabels[t].ja).join('・');
      const typeEn = types.map((t) => facilityTypeLabels[t].en.toLowerCase()).join(' and ');
      rows.push({
        key: `capability_${code}_${types.join('_')}`,
        label: { ja: `${name.ja}に対応する${typeJa}`, en: `${name.en}: ${typeEn}s` },
        unit: 'count',
        note: {
          ja: '施設が名簿に掲げている対応（確認日を問わない）',
          en: 'As the facility lists it (whenever last confirmed)',
        },
        figure: asOfFigure(
          listed.filter((f) => types.includes(f.type) && f.capabilities.has(code)).length,
          period.to,
        ),
      });
    }
    return rows;
  },
};

/**
 * The directory's use (decision 011): facility page views and searches of the public pages in the
 * fiscal year, counted per Tokyo day without personal data, bots left out.
 */
export const directoryViewsSection: DataListSectionProvider = {
  id: 'directory_views',
  title: { ja: '医療介護資源情報提供システムの利用', en: 'Use of the directory' },
  source: {
    ja: '本システムの公開ページの閲覧数（日ごとの集計、個人を特定する情報なし）',
    en: 'Page views of this system’s public pages (daily counters, no personal data)',
  },
  async rows(deps, ctx, period: DataListPeriod): Promise<DataListSectionRow[]> {
    const months = await monthlyCounts(deps.db, municipalityOf(ctx), { from: period.from, to: period.to });
    const when = periodWhen(period);
    const sum = (pick: (m: { views: number; searches: number }) => number) =>
      months.reduce((s, m) => s + Number(pick(m)), 0);
    return [
      {
        key: 'facility_views',
        label: { ja: '施設ページの閲覧数', en: 'Facility page views' },
        unit: 'count',
        figure: plainFigure(
          sum((m) => m.views),
          when,
        ),
      },
      {
        key: 'searches',
        label: { ja: '検索の回数', en: 'Searches' },
        unit: 'count',
        figure: plainFigure(
          sum((m) => m.searches),
          when,
        ),
      },
    ];
  },
};
