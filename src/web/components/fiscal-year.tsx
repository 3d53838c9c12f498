import { useSearchParams } from 'react-router';
import { REIWA_OFFSET } from '../../contracts/figures';
import { fiscalYearOf, formatFiscalYear } from '../../contracts/japanese-calendar';
import { useLanguage } from '../i18n/i18n';
import { SelectField } from './field';

/** How many fiscal years a figures page offers: this one and the four before. */
const YEARS_SHOWN = 5;

export type FiscalYearParam = {
  /** The 令和 year asked for by `?fiscalYear=` (8 → 令和8年度), or the current one. */
  fiscalYear: number;
  /** The years the selector offers, newest first. */
  years: number[];
  /** 令和8年度, or FY2026 in English. */
  yearLabel(year: number): string;
  setFiscalYear(year: string): void;
};

/**
 * The 令和N年度 a figures page shows, kept in the address (`?fiscalYear=8`) so a printed or shared
 * link shows the same year. `upToCurrent`: a later year is read as the current one (the council's
 * list compares whole years and answers 400 for one not begun).
 */
export function useFiscalYearParam(options: { upToCurrent?: boolean } = {}): FiscalYearParam {
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const current = fiscalYearOf(new Date()) - REIWA_OFFSET;
  const asked = Number(params.get('fiscalYear'));
  const valid = Number.isInteger(asked) && asked > 0 && (!options.upToCurrent || asked <= current);
  return {
    fiscalYear: valid ? asked : current,
    years: Array.from({ length: YEARS_SHOWN }, (_, i) => current - i).filter((y) => y > 0),
    yearLabel: (year) =>
      language === 'ja' ? formatFiscalYear(year + REIWA_OFFSET) : `FY${year + REIWA_OFFSET}`,
    setFiscalYear: (year) => setParams({ fiscalYear: year }),
  };
}

/** The year selector of a figures page: a plain select, so it works by keyboard and screen reader. */
export function FiscalYearSelect({
  param,
  label,
  hint,
}: {
  param: FiscalYearParam;
  label: string;
  hint?: string;
}) {
  return (
    <SelectField
      label={label}
      hint={hint}
      value={String(param.fiscalYear)}
      options={param.years.map((y) => ({ value: String(y), label: param.yearLabel(y) }))}
      onChange={(e) => param.setFiscalYear(e.target.value)}
    />
  );
}
