import type { GapFlag } from '../../../contracts/consultations';
import type { Bilingual } from '../../../contracts/council';
import {
  type DataListPeriod,
  type DataListSectionProvider,
  type DataListSectionRow,
  periodWhen,
  plainFigure,
} from '../../platform/data-list/data-list-sections';
import { type ConsultationYearTotals, consultationYearTotals } from './figures.service';

type Line = { key: string; label: Bilingual; note?: Bilingual; pick(t: ConsultationYearTotals): number };

const FLAG_LABELS: Record<GapFlag, Bilingual> = {
  hardship: { ja: 'うち経済的困窮', en: 'of whom in economic hardship' },
  no_guarantor: { ja: 'うち身元保証人がいない', en: 'of whom without a guarantor' },
  living_alone: { ja: 'うち独居（おひとり様）', en: 'of whom living alone' },
  disability: { ja: 'うち障害', en: 'of whom with a disability' },
  mental_health: { ja: 'うち精神疾患', en: 'of whom with mental illness' },
};

/** The desk's year totals in the council's order (the figures page defines each, see the module README). */
const LINES: Line[] = [
  {
    key: 'persons',
    label: { ja: '相談の実人数（実数）', en: 'Persons consulted about' },
    note: {
      ja: 'その年度に相談（対応）のあった人。1年に何度相談があっても1人',
      en: 'People with a contact in the year, each counted once',
    },
    pick: (t) => t.persons,
  },
  {
    key: 'contacts',
    label: { ja: '相談の件数（延数）', en: 'Contacts' },
    pick: (t) => t.contacts,
  },
  {
    key: 'medical_in_ward',
    label: { ja: '医療機関からの相談（区内）', en: 'Contacts from medical institutions in the ward' },
    pick: (t) => t.medicalInstitutionContacts.inWard,
  },
  {
    key: 'medical_outside_ward',
    label: { ja: '医療機関からの相談（区外）', en: 'Contacts from medical institutions outside the ward' },
    pick: (t) => t.medicalInstitutionContacts.outsideWard,
  },
  ...(Object.keys(FLAG_LABELS) as GapFlag[]).map(
    (flag): Line => ({
      key: `flag_${flag}`,
      label: FLAG_LABELS[flag],
      ...(flag === 'hardship'
        ? {
            note: {
              ja: '「制度のはざま」の記録のある実人数（複数に当たる人はそれぞれに数える）',
              en: 'Persons recorded with the flag (a person with several counts under each)',
            },
          }
        : {}),
      pick: (t) => t.flags[flag] ?? 0,
    }),
  ),
];

function rowsOf(totals: ConsultationYearTotals, period: DataListPeriod): DataListSectionRow[] {
  return LINES.map((line) => ({
    key: line.key,
    label: line.label,
    unit: 'count',
    ...(line.note ? { note: line.note } : {}),
    figure: plainFigure(line.pick(totals), periodWhen(period)),
  }));
}

/**
 * The consultation desk's year in the council's data list: the same tally as the desk's figures
 * page (consultationYearTotals), ward-wide for the caller's municipality, no personal data.
 */
export const consultationsDataListSection: DataListSectionProvider = {
  id: 'consultations',
  title: { ja: '在宅療養相談', en: 'Home-care consultation desk' },
  source: {
    ja: '本システムの5つの包括の在宅療養相談の記録（在宅療養相談の実績と同じ集計）',
    en: 'This system’s consultation records of the five 包括 windows (as the consultation figures)',
  },
  async rows(deps, ctx, period) {
    return rowsOf(await consultationYearTotals(deps, ctx.municipalityCode, period.fiscalYear), period);
  },
};
