import { useTranslation } from 'react-i18next';
import { useCapabilities } from '../shared/directory.api';
import { describeValue } from './field-words';
import { DIRECTORY_STAFF_NS } from './staff-i18n';

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
  const lines = describeValue(field, value, t, names, i18n.language);
  const otherLines = mark ? new Set(describeValue(field, other, t, names, i18n.language)) : undefined;
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
