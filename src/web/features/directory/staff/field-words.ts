import type { OpeningHours } from '../../../../contracts/directory';
import { formatDateTime } from '../../../components/date-time';

/**
 * The public pages' namespace (`DIRECTORY_NS` in ../i18n.ts, which registers its messages when
 * imported): repeated here so these words stay a pure module that unit tests can load.
 */
const DIRECTORY_NS = 'directory';

type Translate = (key: string, options?: Record<string, unknown>) => string;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One line per day range and exception, as a reviewer compares them. */
function hoursLines(hours: OpeningHours, t: Translate): string[] {
  const lines = [...hours.weekly]
    .sort((a, b) => ((a.day + 6) % 7) - ((b.day + 6) % 7) || a.open.localeCompare(b.open))
    .map(
      (h) =>
        `${t(`weekdayShort.${h.day}`, { ns: DIRECTORY_NS })} ${h.open}〜${h.close}${h.note ? `（${h.note}）` : ''}`,
    );
  for (const c of hours.closures) {
    lines.push(
      t('facility.closure', {
        ns: DIRECTORY_NS,
        nth: c.nth.join('・第'),
        weekday: t(`weekday.${c.weekday}`, { ns: DIRECTORY_NS }),
      }),
    );
  }
  if (hours.closedOnHolidays) lines.push(t('facility.closedOnHolidays', { ns: DIRECTORY_NS }));
  if (hours.closedYearEnd) lines.push(t('facility.closedYearEnd', { ns: DIRECTORY_NS }));
  if (hours.note) lines.push(hours.note);
  return lines;
}

/** Plain-text lines of a field value (arrays, address blocks, hours, codes) for a diff or history. */
export function describeValue(
  field: string,
  value: unknown,
  t: Translate,
  capabilityNames: Map<string, string>,
  language = 'ja',
): string[] {
  if (value === null || value === undefined || value === '') return [t('value.empty')];
  if (typeof value === 'boolean') return [t(value ? 'value.yes' : 'value.no')];
  if (field === 'status' && typeof value === 'string') return [t(`status.${value}`)];
  // History-only fields: the capacity signal, a confirmation's time, the entry as first registered.
  if (field === 'capacity' && typeof value === 'string')
    return [t(`capacity.${value}`, { ns: DIRECTORY_NS })];
  if (field === 'confirmedAt' && typeof value === 'string') return [formatDateTime(value, language)];
  if (field === 'created' && isRecord(value)) {
    return Object.entries(value)
      .filter(([, v]) => !(v === null || v === '' || (Array.isArray(v) && v.length === 0)))
      .map(
        ([key, v]) =>
          `${t(`field.${key}`, { defaultValue: key })}：${describeValue(key, v, t, capabilityNames, language).join('、')}`,
      );
  }
  if (field === 'hours' && isRecord(value) && Array.isArray(value.weekly)) {
    const lines = hoursLines(value as OpeningHours, t);
    return lines.length > 0 ? lines : [t('value.empty')];
  }
  if (field === 'addressBlock' && isRecord(value)) {
    return [
      ['prefecture', 'city', 'town', 'block', 'building']
        .map((k) => value[k] ?? '')
        .join(' ')
        .trim() || t('value.empty'),
    ];
  }
  if (field === 'location' && isRecord(value)) return [`${value.lat}, ${value.lng}`];
  if (Array.isArray(value)) {
    if (value.length === 0) return [t('value.empty')];
    if (field === 'capabilities')
      return value.map((code) => capabilityNames.get(String(code)) ?? String(code));
    if (field === 'collaborationTools') return value.map((code) => t(`tool.${code}`, { ns: DIRECTORY_NS }));
    return value.map((item) => (isRecord(item) ? JSON.stringify(item) : String(item)));
  }
  if (isRecord(value)) return [JSON.stringify(value)];
  return [String(value)];
}
