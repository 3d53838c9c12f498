import { useTranslation } from 'react-i18next';
import { LAYOUT_COLUMNS } from '../../../contracts/opendata-layouts';
import { TableScroll } from '../../components/table-scroll';

/** The layouts the downloads use; the importer reads the other two as well. */
const PUBLISHED = ['medical_standard', 'care_recommended'] as const;

/** Column by column, what the CSV and Excel downloads hold (generated from the layouts the code uses). */
export function DataDictionary() {
  const { t } = useTranslation('opendata');
  return (
    <section aria-labelledby="od-dictionary">
      <h2 id="od-dictionary">{t('public.dictionaryTitle')}</h2>
      <p>{t('public.dictionaryLead')}</p>
      {PUBLISHED.map((layout) => {
        const title = t(`layouts.${layout}`);
        return (
          <section key={layout} aria-labelledby={`od-dictionary-${layout}`}>
            <h3 id={`od-dictionary-${layout}`}>{title}</h3>
            <TableScroll label={title}>
              <table className="table od-dictionary">
                <caption className="visually-hidden">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('public.number')}</th>
                    <th scope="col">{t('public.column')}</th>
                    <th scope="col">{t('public.description')}</th>
                  </tr>
                </thead>
                <tbody>
                  {LAYOUT_COLUMNS[layout]
                    .filter((column) => !column.importOnly)
                    .map((column, index) => (
                      <tr key={column.header}>
                        <td>{index + 1}</td>
                        <th scope="row">{column.header}</th>
                        <td>{column.description}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        );
      })}
    </section>
  );
}
