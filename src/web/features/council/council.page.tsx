import { useTranslation } from 'react-i18next';
import type { DataListFigure, DataListRow, DataListSection, DataListWhen } from '../../../contracts/council';
import { ErrorAlert } from '../../components/alert';
import { FiscalYearSelect, useFiscalYearParam } from '../../components/fiscal-year';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { TableScroll } from '../../components/table-scroll';
import { useBodyClass } from '../../components/use-body-class';
import { type Language, useLanguage } from '../../i18n/i18n';
import { dataListCsvUrl, useDataList } from './council.api';
import './council.css';
import './council.messages';

type T = (key: string, options?: Record<string, unknown>) => string;

/** 2026-03-31 → 2026/3/31 (ja, as the ward's sheets write it) or 2026-03-31 (en). */
function dateText(iso: string, language: Language): string {
  if (language === 'en') return iso;
  return `${Number(iso.slice(0, 4))}/${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`;
}

function whenText(when: DataListWhen, t: T, language: Language): string {
  return when.kind === 'as_of'
    ? t('asOf', { date: dateText(when.date, language) })
    : t('period', { from: dateText(when.from, language), to: dateText(when.to, language) });
}

function valueText(row: DataListRow, figure: DataListFigure, t: T, language: Language): string {
  if (figure.pending) return t('pending');
  if (figure.value === null) return t('none');
  const value = figure.value.toLocaleString(language === 'ja' ? 'ja-JP' : 'en-GB');
  if (row.unit === 'hours') return t('hours', { value });
  if (row.unit === 'count') return t('count', { value });
  const share =
    figure.numerator !== null && figure.denominator !== null
      ? t('share', { numerator: figure.numerator, denominator: figure.denominator })
      : '';
  return `${t('percent', { value })}${share}`;
}

function Cell({ row, figure }: { row: DataListRow; figure: DataListFigure | null }) {
  const { t } = useTranslation('council');
  const language = useLanguage();
  if (!figure) return <td>{t('none')}</td>;
  return (
    <td>
      <span className="council-value">{valueText(row, figure, t, language)}</span>
      <span className="council-when">{whenText(figure.when, t, language)}</span>
    </td>
  );
}

function SectionTable({
  section,
  currentLabel,
  previousLabel,
}: {
  section: DataListSection;
  currentLabel: string;
  previousLabel: string;
}) {
  const { t } = useTranslation('council');
  const language = useLanguage();
  const headingId = `council-${section.id}`;
  return (
    <section className="council-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{section.title[language]}</h2>
      <TableScroll label={section.title[language]}>
        <table className="table council-table">
          <thead>
            <tr>
              <th scope="col">{t('item')}</th>
              <th scope="col">{t('previous', { label: previousLabel })}</th>
              <th scope="col">{t('current', { label: currentLabel })}</th>
              <th scope="col">{t('change')}</th>
            </tr>
          </thead>
          <tbody>
            {section.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  {row.label[language]}
                  {row.note ? <span className="council-note">{row.note[language]}</span> : null}
                </th>
                <Cell row={row} figure={row.previous} />
                <Cell row={row} figure={row.current} />
                <td>
                  {row.changePercent === null
                    ? t('none')
                    : t('changeValue', { sign: row.changePercent > 0 ? '+' : '', value: row.changePercent })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="council-source">{t('source', { source: section.source[language] })}</p>
    </section>
  );
}

/** ward_admin: the council's data list of a 令和N年度 beside the year before, printable on A4, as CSV. */
export function CouncilPage() {
  const { t } = useTranslation('council');
  const language = useLanguage();
  const year = useFiscalYearParam({ upToCurrent: true });
  const { fiscalYear, yearLabel } = year;
  const list = useDataList(fiscalYear);
  useBodyClass('council-print');
  const data = list.data;
  const pending = data?.sections.some((s) => s.rows.some((r) => r.current?.pending || r.previous?.pending));
  return (
    <div className="council-page">
      <PageHeading title={t('title')}>
        {t('title')} {yearLabel(fiscalYear)}
      </PageHeading>
      <p className="page-narrow no-print">{t('intro')}</p>
      <div className="council-controls no-print">
        <FiscalYearSelect param={year} label={t('fiscalYear')} hint={t('fiscalYearHint')} />
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            {t('print')}
          </button>
          <a className="button button--secondary" href={dataListCsvUrl(fiscalYear)} download>
            {t('csv')}
          </a>
        </div>
        <p className="field__hint">{t('csvHint')}</p>
      </div>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.isPending ? <Loading /> : null}
      {data ? (
        <>
          <p className="council-generated">
            {t('generated', {
              at: new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
                dateStyle: 'long',
                timeStyle: 'short',
                timeZone: 'Asia/Tokyo',
              }).format(new Date(data.generatedAt)),
            })}
          </p>
          {data.current.complete ? null : (
            <p className="council-running">
              {t('running', {
                label: yearLabel(data.current.fiscalYear),
                to: dateText(data.current.to, language),
              })}
            </p>
          )}
          {data.sections.map((section) => (
            <SectionTable
              key={section.id}
              section={section}
              currentLabel={yearLabel(data.current.fiscalYear)}
              previousLabel={yearLabel(data.previous.fiscalYear)}
            />
          ))}
          {pending ? <p className="field__hint">{t('pendingNote')}</p> : null}
        </>
      ) : null}
    </div>
  );
}
