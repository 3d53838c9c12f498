/**
 * Japanese fiscal years run April–March and are shown 令和N年度, labelled by the era on April 1,
 * except FY2019, which is 令和元年度 (the era changed on 2019-05-01 and the ward reports it so).
 */
export function fiscalYearOf(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 4 ? year : year - 1;
}

const eras: Array<{ name: string; firstFiscalYear: number }> = [
  { name: '令和', firstFiscalYear: 2019 },
  { name: '平成', firstFiscalYear: 1989 },
  { name: '昭和', firstFiscalYear: 1926 },
];

export function fiscalYearLabel(fiscalYear: number): string {
  const era = eras.find((e) => fiscalYear >= e.firstFiscalYear) ?? eras[eras.length - 1]!;
  const n = fiscalYear - era.firstFiscalYear + 1;
  return `${era.name}${n === 1 ? '元' : n}年度`;
}

/** First and last day of a fiscal year. */
export function fiscalYearRange(fiscalYear: number): { from: string; to: string } {
  return { from: `${fiscalYear}-04-01`, to: `${fiscalYear + 1}-03-31` };
}

const monthFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  era: 'long',
  year: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});

/** '2024-04' → '令和6年4月' (era of that month). */
export function monthLabel(month: string): string {
  return monthFormat.format(new Date(`${month}-01T00:00:00Z`));
}
