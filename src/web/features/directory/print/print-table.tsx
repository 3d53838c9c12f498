import { useTranslation } from 'react-i18next';
import { DIRECTORY_NS } from '../i18n';
import { formatDistance } from '../shared/format';
import { KEY_CAPABILITIES, type PrintGroup } from './print-groups';

/**
 * One type's list: number (as on the map), name, address, phone, the distance when sorted by it,
 * and ● per key capability. Each cell carries its column's name (data-label): on a narrow sheet
 * (a phone, 200 % zoom) the print stylesheet sets each row as a block with those names, instead
 * of squeezing the address to one character per line.
 */
export function PrintTable({
  group,
  capabilityNames,
  withDistance,
}: {
  group: PrintGroup;
  capabilityNames: Map<string, string>;
  withDistance: boolean;
}) {
  const { t } = useTranslation(DIRECTORY_NS);
  const keys = KEY_CAPABILITIES[group.type];
  const headingId = `dir-print-${group.type}`;
  return (
    <section className="dir-print-group" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(`type.${group.type}`)}（{t('print.count', { count: group.rows.length })}）
      </h2>
      {/* On a phone the sheet's table scrolls sideways; the scroll box is focusable for keyboards. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
      <div className="dir-print-scroll" tabIndex={0}>
        <table className="dir-print-table">
          <thead>
            <tr>
              <th scope="col" className="dir-print-table__no">
                {t('print.no')}
              </th>
              <th scope="col">{t('print.name')}</th>
              <th scope="col">{t('print.address')}</th>
              <th scope="col">{t('print.phone')}</th>
              {withDistance ? (
                <th scope="col" className="dir-print-table__distance">
                  {t('print.distance')}
                </th>
              ) : null}
              {keys.map((code) => (
                <th scope="col" key={code} className="dir-print-table__mark">
                  {capabilityNames.get(code) ?? code}
                </th>
              ))}
              {keys.length === 0 ? <th scope="col">{t('print.capabilities')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {group.rows.map((row) => (
              <tr key={row.id}>
                <td className="dir-print-table__no">{row.no}</td>
                <th scope="row">{row.name}</th>
                <td className="dir-print-table__address" data-label={t('print.address')}>
                  {row.address}
                </td>
                <td className={cellClass('dir-print-table__phone', row.phone)} data-label={t('print.phone')}>
                  {row.phone ?? ''}
                </td>
                {withDistance ? (
                  <td
                    className={cellClass('dir-print-table__distance', row.distanceM)}
                    data-label={t('print.distance')}
                  >
                    {row.distanceM !== undefined ? formatDistance(row.distanceM) : ''}
                  </td>
                ) : null}
                {keys.map((code) => {
                  const has = row.capabilities.includes(code);
                  return (
                    <td
                      key={code}
                      className={`dir-print-table__mark${has ? '' : ' dir-print-table__mark--no'}`}
                      data-label={capabilityNames.get(code) ?? code}
                    >
                      {has ? <span className="dir-print-table__dot">●</span> : null}
                    </td>
                  );
                })}
                {keys.length === 0 ? (
                  <td data-label={t('print.capabilities')}>
                    {row.capabilities.map((code) => capabilityNames.get(code) ?? code).join('、')}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A cell without a value is marked, so the narrow sheet leaves out its label too. */
function cellClass(base: string, value: unknown): string {
  return value === null || value === undefined || value === '' ? `${base} dir-print-table__blank` : base;
}
