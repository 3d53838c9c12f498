import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../contracts/opendata';
import { Alert } from '../../components/alert';
import { TableScroll } from '../../components/table-scroll';
import { useLanguage } from '../../i18n/i18n';

/** The counts of a dry run or an import, as a definition list. */
function Summary({ report }: { report: ImportReport }) {
  const { t } = useTranslation('opendata');
  const items: Array<[string, string | number]> = [
    [t('import.layout'), report.layout ? t(`layouts.${report.layout}`) : '—'],
    [t('import.encoding'), report.encoding ?? '—'],
    [t('import.rows'), report.rows],
    [t('import.accepted'), report.accepted],
    [t('import.rejected'), report.rejected],
    [t('import.created'), report.created],
    [t('import.updated'), report.updated],
    [t('import.unchanged'), report.unchanged],
    ...(report.skipped > 0 ? ([[t('import.skipped'), report.skipped]] as Array<[string, number]>) : []),
  ];
  return (
    <dl className="summary-list od-summary">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The rejected rows as the file has them, the faulty cells marked (a red frame and the word
 * 「誤り」 for those who cannot see colour), each message linked to its cell.
 */
function ErrorGrid({ report }: { report: ImportReport }) {
  const { t } = useTranslation('opendata');
  const errorsOf = (line: number, sheet?: string) =>
    report.errors.filter((e) => e.line === line && (e.sheet ?? '') === (sheet ?? ''));
  const columns: string[] = [];
  for (const row of report.rejectedRows) {
    for (const e of errorsOf(row.line, row.sheet))
      if (e.column && !columns.includes(e.column)) columns.push(e.column);
  }
  const nameColumn = ['名称', '介護サービス事業所名称', '事業所名'].find((h) =>
    report.rejectedRows.some((r) => h in r.cells),
  );
  const shown = nameColumn ? [nameColumn, ...columns.filter((c) => c !== nameColumn)] : columns;
  if (report.rejectedRows.length === 0) return null;
  return (
    <TableScroll label={t('import.errorsGridTitle')}>
      <table className="table od-grid">
        <caption>{t('import.errorsGridTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.line')}</th>
            {shown.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rejectedRows.map((row) => {
            const rowErrors = errorsOf(row.line, row.sheet);
            return (
              <tr key={`${row.sheet ?? ''}:${row.line}`}>
                <th scope="row">
                  {row.sheet ? `${row.sheet} ` : ''}
                  {row.line}
                </th>
                {shown.map((column) => {
                  const error = rowErrors.find((e) => e.column === column);
                  return (
                    <td
                      key={column}
                      className={error ? 'od-grid__bad' : undefined}
                      aria-describedby={error ? errorId(row.line, column, row.sheet) : undefined}
                    >
                      {error ? <span className="od-grid__flag">{t('import.cellError')}: </span> : null}
                      {row.cells[column] ?? ''}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

const errorId = (line: number, column: string | null, sheet?: string) =>
  `od-error-${encodeURIComponent(`${sheet ?? ''}-${line}-${column ?? ''}`).replace(/%/g, '')}`;

function ErrorList({ report }: { report: ImportReport }) {
  const { t } = useTranslation('opendata');
  const language = useLanguage();
  // Messages are "Japanese / English".
  const inLanguage = (message: string) => {
    const [japanese, english] = message.split(' / ');
    return language === 'en' ? (english ?? japanese) : japanese;
  };
  return (
    <TableScroll label={t('import.errorsTitle')}>
      <table className="table">
        <caption>{t('import.errorsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.line')}</th>
            <th scope="col">{t('import.fields')}</th>
            <th scope="col">{t('import.message')}</th>
          </tr>
        </thead>
        <tbody>
          {report.errors.map((e) => (
            <tr key={`${e.sheet ?? ''}-${e.line}-${e.column ?? ''}-${e.code}`}>
              <td>
                {e.sheet ? `${e.sheet} ` : ''}
                {e.line || '—'}
              </td>
              <td>{e.column ?? '—'}</td>
              <td id={errorId(e.line, e.column, e.sheet)}>{inLanguage(e.message)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function EditorEdits({ report }: { report: ImportReport }) {
  const { t } = useTranslation('opendata');
  if (report.editorEdits.length === 0) return null;
  return (
    <TableScroll label={t('import.editorTitle')}>
      <table className="table">
        <caption>{t('import.editorTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.line')}</th>
            <th scope="col">{t('import.facility')}</th>
            <th scope="col">{t('import.fields')}</th>
            <th scope="col">{t('import.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          {report.editorEdits.map((e) => (
            <tr key={e.facilityId}>
              <td>{e.line}</td>
              <td>{e.name}</td>
              <td>{e.fields.join('、')}</td>
              <td>{e.overwritten ? t('import.editorOverwritten') : t('import.editorKept')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The whole report of a dry run or of an import. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation('opendata');
  const clean = report.errors.length === 0 && report.rejected === 0;
  return (
    <section aria-labelledby="od-result" className="od-result">
      <h2 id="od-result" tabIndex={-1}>
        {t('import.resultTitle')}: {report.file}
      </h2>
      {report.committed ? (
        <Alert kind="success">
          <p>{t('import.committed')}</p>
        </Alert>
      ) : clean ? (
        <Alert kind="info">
          <p>{t('import.nothingCommitted')}</p>
        </Alert>
      ) : (
        <Alert kind="error" title={t('import.fixFirst')} />
      )}
      <Summary report={report} />
      {report.skipped > 0 ? (
        <p>
          {t('import.skippedNote', {
            count: report.skipped,
            codes: report.skippedMunicipalities.map((m) => m.code).join('、'),
          })}
        </p>
      ) : null}
      {report.municipalitiesAdded.map((m) => (
        <p key={m.code}>
          {t('import.municipalityAdded', { name: `${m.prefecture}${m.name}`, code: m.code })}
        </p>
      ))}
      <EditorEdits report={report} />
      <ErrorGrid report={report} />
      {report.errors.length > 0 ? <ErrorList report={report} /> : null}
      {report.errorsTruncated ? <p>{t('import.moreErrors')}</p> : null}
    </section>
  );
}
