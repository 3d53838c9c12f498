import { useTranslation } from 'react-i18next';
import type { OpeningHours } from '../../../../contracts/directory';
import { DIRECTORY_NS } from '../i18n';
import { useCapabilities } from '../shared/directory.api';
import { DIRECTORY_STAFF_NS } from './staff-i18n';

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
): string[] {
  if (value === null || value === undefined || value === '') return [t('value.empty')];
  if (typeof value === 'boolean') return [t(value ? 'value.yes' : 'value.no')];
  if (field === 'status' && typeof value === 'string') return [t(`status.${value}`)];
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

/**
 * A value shown as a short list; the caller places it in a "before" or "after" cell. With
 * `other` (the value on the other side) and `mark`, lines the other side lacks are emphasised
 * and named (added / removed), so one new capability in a list of ten is not missed.
 */
export function FieldValue({
  field,
  value,
  other,
  mark,
}: {
  field: string;
  value: unknown;
  other?: unknown;
  mark?: 'added' | 'removed';
}) {
  const { t, i18n } = useTranslation(DIRECTORY_STAFF_NS);
  const capabilities = useCapabilities();
  const names = new Map(
    (capabilities.data?.items ?? []).map(
      (c) => [c.code, i18n.language === 'en' ? c.nameEn : c.name] as const,
    ),
  );
  const lines = describeValue(field, value, t, names);
  const otherLines = mark ? new Set(describeValue(field, other, t, names)) : undefined;
  const show = (line: string) =>
    otherLines && !otherLines.has(line) && lines.length > 1 ? (
      <strong className="dir-diff__changed">
        {line}
        <span className="dir-diff__tag">{t(mark === 'added' ? 'review.added' : 'review.removed')}</span>
      </strong>
    ) : (
      line
    );
  if (lines.length === 1) return <span>{lines[0]}</span>;
  return (
    <ul className="dir-value-list">
      {lines.map((line, index) => (
        // Lines may repeat (two identical ranges); the position is their identity here.
        // biome-ignore lint/suspicious/noArrayIndexKey: static, never reordered
        <li key={index}>{show(line)}</li>
      ))}
    </ul>
  );
}
