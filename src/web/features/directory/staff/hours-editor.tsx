import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpeningHours, WeeklyHours } from '../../../../contracts/directory';
import { DIRECTORY_NS } from '../i18n';
import { DIRECTORY_STAFF_NS } from './staff-i18n';

const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

type Props = { hours: OpeningHours; onChange: (hours: OpeningHours) => void };

/** Weekly time ranges (several per day: 午前・午後), month-week closures, holidays and notes. */
export function HoursEditor({ hours, onChange }: Props) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const noteId = useId();
  const setWeekly = (weekly: WeeklyHours[]) => onChange({ ...hours, weekly });
  return (
    <fieldset>
      <legend>{t('field.hours')}</legend>
      <WeeklyTable weekly={hours.weekly} onChange={setWeekly} />
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => setWeekly([...hours.weekly, { day: 1, open: '09:00', close: '12:00' }])}
      >
        {t('hours.add')}
      </button>
      <ClosuresEditor hours={hours} onChange={onChange} />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={hours.closedOnHolidays}
          onChange={(event) => onChange({ ...hours, closedOnHolidays: event.target.checked })}
        />
        <span>{t('hours.holidays')}</span>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={hours.closedYearEnd}
          onChange={(event) => onChange({ ...hours, closedYearEnd: event.target.checked })}
        />
        <span>{t('hours.yearEnd')}</span>
      </label>
      <div className="field">
        <label className="field__label" htmlFor={noteId}>
          {t('hours.generalNote')}
        </label>
        <textarea
          id={noteId}
          className="textarea"
          rows={2}
          maxLength={500}
          value={hours.note ?? ''}
          onChange={(event) => onChange({ ...hours, note: event.target.value })}
        />
      </div>
    </fieldset>
  );
}

/** One row per time range; controls wrap onto several lines on a phone, each with its own label. */
function WeeklyTable({
  weekly,
  onChange,
}: {
  weekly: WeeklyHours[];
  onChange: (weekly: WeeklyHours[]) => void;
}) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const dayName = (day: number) => t(`weekday.${day}`, { ns: DIRECTORY_NS });
  if (weekly.length === 0) return <p>{t('hours.none')}</p>;
  const update = (index: number, change: Partial<WeeklyHours>) =>
    onChange(weekly.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <ol className="dir-hours-editor">
      {weekly.map((row, index) => (
        // Rows have no identity of their own; the position is what the editor changes.
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place by position
        <li key={index} className="dir-hours-editor__row">
          <label>
            <span>{t('hours.day')}</span>
            <select
              className="select"
              value={row.day}
              onChange={(event) => update(index, { day: Number(event.target.value) })}
            >
              {WEEK.map((day) => (
                <option key={day} value={day}>
                  {dayName(day)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span>{t('hours.open')}</span>
            <input
              type="time"
              className="input"
              value={row.open}
              onChange={(event) => update(index, { open: event.target.value })}
            />
          </label>
          <label>
            <span>{t('hours.close')}</span>
            <input
              type="time"
              className="input"
              value={row.close === '24:00' ? '23:59' : row.close}
              onChange={(event) => update(index, { close: event.target.value })}
            />
          </label>
          <label className="dir-hours-editor__note">
            <span>{t('hours.note')}</span>
            <input
              className="input"
              maxLength={200}
              value={row.note ?? ''}
              onChange={(event) => update(index, { note: event.target.value })}
            />
          </label>
          <button
            type="button"
            className="button button--link"
            onClick={() => onChange(weekly.filter((_, i) => i !== index))}
          >
            {t('hours.remove', { day: dayName(row.day), open: row.open, close: row.close })}
          </button>
        </li>
      ))}
    </ol>
  );
}

/** 第2・第4土曜休診 and the like: for each weekday, which weeks of the month are closed. */
function ClosuresEditor({ hours, onChange }: Props) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const closedWeeks = (weekday: number) => hours.closures.find((c) => c.weekday === weekday)?.nth ?? [];
  const toggle = (weekday: number, nth: number, on: boolean) => {
    const weeks = new Set(closedWeeks(weekday));
    if (on) weeks.add(nth);
    else weeks.delete(nth);
    const others = hours.closures.filter((c) => c.weekday !== weekday);
    const closures = weeks.size > 0 ? [...others, { weekday, nth: [...weeks].sort() }] : others;
    onChange({ ...hours, closures });
  };
  return (
    <details className="dir-more">
      <summary>{t('hours.closures')}</summary>
      {WEEK.map((weekday) => (
        <fieldset key={weekday} className="dir-choices">
          <legend>{t(`weekday.${weekday}`, { ns: DIRECTORY_NS })}</legend>
          <div className="dir-week-grid">
            {[1, 2, 3, 4, 5].map((nth) => (
              <label className="checkbox" key={nth}>
                <input
                  type="checkbox"
                  checked={closedWeeks(weekday).includes(nth)}
                  onChange={(event) => toggle(weekday, nth, event.target.checked)}
                />
                <span>{t('hours.closureWeek', { nth })}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </details>
  );
}
