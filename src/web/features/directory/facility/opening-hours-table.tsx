import { useTranslation } from 'react-i18next';
import type { OpeningHours } from '../../../../contracts/directory';
import { TableScroll } from '../../../components/table-scroll';
import { DIRECTORY_NS } from '../i18n';

/** Japanese week order: Monday first, Sunday last (as on a clinic's door). */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

/** `09:00` → `9:00`; a closing time at or before the opening means past midnight. */
function clock(value: string): string {
  return value.replace(/^0(\d)/, '$1');
}

/** The weekly table and its exceptions (holidays, 年末年始, 第2・第4土曜休診, free notes). */
export function OpeningHoursTable({ hours }: { hours: OpeningHours }) {
  const { t } = useTranslation(DIRECTORY_NS);
  if (hours.weekly.length === 0 && !hours.note) {
    return <p>{t('facility.hoursUnknown')}</p>;
  }
  // The notes column is left out when no range has a note: on a phone every column costs width.
  const hasNotes = hours.weekly.some((range) => range.note);
  return (
    <>
      <TableScroll label={t('facility.hours')}>
        <table className="table dir-hours">
          <caption className="visually-hidden">{t('facility.hours')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('facility.hoursDay')}</th>
              <th scope="col">{t('facility.hoursTime')}</th>
              {hasNotes ? <th scope="col">{t('facility.hoursNote')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {WEEK.map((day) => {
              const ranges = hours.weekly
                .filter((range) => range.day === day)
                .sort((a, b) => a.open.localeCompare(b.open));
              const notes = ranges.map((range) => range.note).filter(Boolean);
              return (
                <tr key={day}>
                  <th scope="row">{t(`weekday.${day}`)}</th>
                  <td>
                    {ranges.length === 0
                      ? t('facility.hoursClosed')
                      : ranges.map((range) => (
                          <span key={range.open} className="dir-range">
                            {clock(range.open)}〜{clock(range.close)}
                          </span>
                        ))}
                  </td>
                  {hasNotes ? <td>{notes.join('。')}</td> : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <HoursNotes hours={hours} />
    </>
  );
}

function HoursNotes({ hours }: { hours: OpeningHours }) {
  const { t } = useTranslation(DIRECTORY_NS);
  const lines: string[] = [];
  for (const closure of hours.closures) {
    lines.push(
      t('facility.closure', {
        nth: [...closure.nth].sort().join(t('facility.nthJoin')),
        weekday: t(`weekday.${closure.weekday}`),
      }),
    );
  }
  if (hours.closedOnHolidays) lines.push(t('facility.closedOnHolidays'));
  if (hours.closedYearEnd) lines.push(t('facility.closedYearEnd'));
  if (hours.note) lines.push(hours.note);
  if (lines.length === 0) return null;
  return (
    <ul className="dir-hours-notes">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
