import { useTranslation } from 'react-i18next';
import { DIRECTORY_NS } from '../i18n';
import { KEY_CAPABILITIES, type PrintGroup } from './print-groups';

/** One type's list: number (as on the map), name, address, phone, and ● per key capability. */
export function PrintTable({
  group,
  capabilityNames,
}: {
  group: PrintGroup;
  capabilityNames: Map<string, string>;
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
                <td>{row.address}</td>
                <td className="dir-print-table__phone">{row.phone ?? ''}</td>
                {keys.map((code) => (
                  <td key={code} className="dir-print-table__mark">
                    {row.capabilities.includes(code) ? '●' : ''}
                  </td>
                ))}
                {keys.length === 0 ? (
                  <td>{row.capabilities.map((code) => capabilityNames.get(code) ?? code).join('、')}</td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
