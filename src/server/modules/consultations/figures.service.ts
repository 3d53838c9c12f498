import type { ConsultationFiguresResponse } from '../../../contracts/consultations';
import { type FiguresQuery, REIWA_OFFSET } from '../../../contracts/figures';
import { fiscalYearOf, formatFiscalYear } from '../../../contracts/japanese-calendar';
import { hasRole, type RequestContext } from '../../platform/context';
import type { Executor } from '../../platform/db/schema';
import { AppError } from '../../platform/errors';
import type { ModuleDeps } from '../../platform/module';
import { clock } from '../../platform/time/clock';
import { fiscalYearMonths, tokyoMonthStart } from '../../platform/time/tokyo-calendar';
import { windowScopeOf } from './consultation.policy';
import { type FiguresScope, listContactsForFigures, listWindows } from './figures.queries';
import { type FigureContact, type Tally, tallyFigures } from './figures-tally';

type Deps = Pick<ModuleDeps, 'db'>;

/** The twelve Tokyo months of a fiscal year (named by its starting calendar year) and its bounds. */
function yearOf(fiscalYear: number) {
  return {
    months: fiscalYearMonths(fiscalYear),
    from: tokyoMonthStart(`${fiscalYear}-04`),
    to: tokyoMonthStart(`${fiscalYear + 1}-04`),
  };
}

async function tallyYear(executor: Executor, scope: FiguresScope, fiscalYear: number): Promise<Tally> {
  const { months, from, to } = yearOf(fiscalYear);
  const [contacts, windows] = await Promise.all([
    listContactsForFigures(executor, scope, from, to),
    listWindows(executor, scope.municipalityCode),
  ]);
  const shown = scope.organisationIds
    ? windows.filter((w) => scope.organisationIds?.includes(w.id))
    : windows;
  return tallyFigures(contacts as FigureContact[], months, shown);
}

/**
 * The desk's figures for one 令和N年度 (`?fiscalYear=`, default the current one): the caller's own
 * window for 包括 staff, every window for the ward admin. Aggregates only; reads only. A month range
 * (`from`/`to`) is not offered: the council reviews fiscal years. Throws request.invalid for one.
 */
export async function getConsultationFigures(
  deps: Deps,
  ctx: RequestContext,
  query: FiguresQuery,
): Promise<ConsultationFiguresResponse> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('auth.required');
  if (query.from || query.to) throw new AppError('request.invalid', { field: 'fiscalYear' });
  const fiscalYear =
    query.fiscalYear !== undefined ? query.fiscalYear + REIWA_OFFSET : fiscalYearOf(clock.now());
  const ward = hasRole(actor, 'ward_admin');
  const scope: FiguresScope = ward
    ? { municipalityCode: actor.municipalityCode }
    : { municipalityCode: actor.municipalityCode, organisationIds: windowScopeOf(actor).organisationIds };
  const tally = await tallyYear(deps.db, scope, fiscalYear);
  const { months } = yearOf(fiscalYear);
  return {
    municipalityCode: actor.municipalityCode,
    scope: ward ? 'ward' : 'window',
    fiscalYear: fiscalYear - REIWA_OFFSET,
    label: formatFiscalYear(fiscalYear),
    from: months[0] ?? '',
    to: months[11] ?? '',
    ...tally,
  };
}

/** The year's totals in a plain shape, for the council's data list (データ一覧). */
export type ConsultationYearTotals = {
  /** The fiscal year by its starting calendar year (2026 = 令和8年度). */
  fiscalYear: number;
  label: string;
  persons: number;
  contacts: number;
  /** Contacts from medical institutions, in and outside the ward (the minutes' ~300 a year). */
  medicalInstitutionContacts: { inWard: number; outsideWard: number; unknown: number };
  /** Persons with each はざま flag. */
  flags: Record<string, number>;
  byWindow: Array<{ organisationId: string; name: string; persons: number; contacts: number }>;
};

/**
 * Ward-wide totals of one fiscal year (named by its starting calendar year), with no check of the
 * caller: the figures hold no personal data. For other modules through index.ts (`deps.db` may be
 * the caller's transaction).
 */
export async function consultationYearTotals(
  deps: Deps,
  municipalityCode: string,
  fiscalYear: number,
): Promise<ConsultationYearTotals> {
  const tally = await tallyYear(deps.db, { municipalityCode }, fiscalYear);
  return {
    fiscalYear,
    label: formatFiscalYear(fiscalYear),
    persons: tally.total.persons,
    contacts: tally.total.contacts,
    medicalInstitutionContacts: {
      inWard: tally.medicalInstitutions.yes,
      outsideWard: tally.medicalInstitutions.no,
      unknown: tally.medicalInstitutions.unknown,
    },
    flags: { ...tally.flags },
    byWindow: tally.byWindow,
  };
}
