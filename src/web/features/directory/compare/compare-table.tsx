import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CapabilityDto, FacilityDetail } from '../../../../contracts/directory';
import { DIRECTORY_NS } from '../i18n';
import { CapacityBadge } from '../shared/capacity-badge';
import { formatDate } from '../shared/format';

type Props = {
  facilities: FacilityDetail[];
  taxonomy: CapabilityDto[];
  /** Takes one facility out of the comparison (its column's button). */
  onRemove(facility: FacilityDetail): void;
};

/**
 * Facilities as columns, items as rows (row headers on the left stay in view while the table
 * scrolls sideways on a phone). A capability row is shown when at least one facility has it, in
 * the taxonomy's order; each cell says when and by whom it was confirmed, or that it is not listed.
 */
export function CompareTable({ facilities, taxonomy, onRemove }: Props) {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  const en = i18n.language === 'en';
  const offered = new Set(facilities.flatMap((f) => f.capabilities.map((c) => c.code)));
  const rows = taxonomy.filter((c) => offered.has(c.code));
  const basics: Array<{ key: string; label: string; cell: (f: FacilityDetail) => React.ReactNode }> = [
    { key: 'type', label: t('compare.type'), cell: (f) => t(`type.${f.type}`) },
    { key: 'district', label: t('compare.district'), cell: (f) => f.districtName ?? '' },
    { key: 'address', label: t('compare.address'), cell: (f) => f.address },
    { key: 'phone', label: t('compare.phone'), cell: (f) => f.phone ?? '' },
    {
      key: 'capacity',
      label: t('compare.capacity'),
      cell: (f) => (f.capacity ? <CapacityBadge capacity={f.capacity} /> : t('compare.noCapacity')),
    },
    {
      key: 'confirmed',
      label: t('compare.basicsConfirmed'),
      cell: (f) =>
        f.lastConfirmedAt && f.lastConfirmedBy
          ? t(`facility.confirmedBy.${f.lastConfirmedBy}`, {
              date: formatDate(f.lastConfirmedAt, i18n.language),
              file: f.lastConfirmedFile ?? '',
            })
          : t('facility.unknown'),
    },
  ];
  return (
    <>
      <p className="dir-compare__hint">{t('compare.scrollHint')}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="dir-compare__scroll" tabIndex={0} aria-label={t('compare.tableLabel')}>
        <table className="dir-compare-table">
          <caption className="visually-hidden">{t('compare.tableLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('compare.item')}</th>
              {facilities.map((f) => (
                <th scope="col" key={f.id}>
                  <Link to={`/facilities/${f.id}`}>{f.name}</Link>
                  <button
                    type="button"
                    className="button button--link dir-compare-table__remove"
                    onClick={() => onRemove(f)}
                  >
                    {t('compare.remove')}
                    <span className="visually-hidden">：{f.name}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {basics.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {facilities.map((f) => (
                  <td key={f.id}>{row.cell(f)}</td>
                ))}
              </tr>
            ))}
            <tr className="dir-compare-table__section">
              <th scope="rowgroup" colSpan={facilities.length + 1}>
                {t('compare.capabilities')}
              </th>
            </tr>
            {rows.map((capability) => (
              <tr key={capability.code}>
                <th scope="row">{en ? capability.nameEn : capability.name}</th>
                {facilities.map((f) => {
                  const has = f.capabilities.find((c) => c.code === capability.code);
                  if (!has) {
                    return (
                      <td key={f.id} className="dir-compare-table__none">
                        {t('compare.no')}
                      </td>
                    );
                  }
                  return (
                    <td key={f.id} className={has.stale ? 'dir-capabilities__stale' : undefined}>
                      <span className="dir-compare-table__yes">{t('compare.yes')}</span>
                      <span className="dir-compare-table__date">
                        {t(`facility.confirmedBy.${has.confirmedBy}`, {
                          date: formatDate(has.confirmedAt, i18n.language),
                          file: has.confirmedFile ?? '',
                        })}
                      </span>
                      {has.stale ? (
                        <strong className="dir-stale">
                          <span aria-hidden="true">⚠ </span>
                          {t('facility.stale')}
                        </strong>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
