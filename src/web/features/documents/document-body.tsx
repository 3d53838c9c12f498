import { useTranslation } from 'react-i18next';
import {
  type AdlItem,
  type AdlScore,
  adlItemLabels,
  adlItems,
  adlScoreLabels,
  type DocumentKind,
  sectionsOf,
} from '../../../contracts/documents';
import { useLanguage } from '../../i18n/i18n';
import { fieldKind } from './document-fields';

function Value({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation('documents');
  const kind = fieldKind(field);
  if (kind === 'yesNo')
    return <>{value === true ? t('view.yes') : value === false ? t('view.no') : t('view.unknown')}</>;
  if (value === null || value === undefined || value === '')
    return <span className="document-empty">{t('view.empty')}</span>;
  if (kind === 'destination') return <>{t(`destination.${String(value)}`)}</>;
  return <span className="document-text">{String(value)}</span>;
}

/** The ADL grid as the form has it: one row per item, its grade in words. */
function AdlTable({ grid }: { grid: Record<string, AdlScore | null> }) {
  const { t } = useTranslation('documents');
  const language = useLanguage();
  return (
    <table className="table document-adl">
      <thead>
        <tr>
          {adlItems.map((item: AdlItem) => (
            <th key={item} scope="col">
              {adlItemLabels[item][language]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {adlItems.map((item) => {
            const score = grid[item];
            return <td key={item}>{score ? adlScoreLabels[score][language] : t('form.adlNone')}</td>;
          })}
        </tr>
      </tbody>
    </table>
  );
}

/** The content of one version under the form's headings (the same list as the FHIR sections). */
export function DocumentBody({ kind, content }: { kind: DocumentKind; content: Record<string, unknown> }) {
  const { t } = useTranslation('documents');
  const language = useLanguage();
  return (
    <div className="document-body">
      {sectionsOf[kind].map((section) => (
        <section key={section.code} className="document-section" aria-labelledby={`section-${section.code}`}>
          <h2 id={`section-${section.code}`}>{section[language]}</h2>
          <dl className="document-fields">
            {section.fields.map((field) =>
              fieldKind(field) === 'adl' ? (
                <div key={field} className="document-field document-field--wide">
                  <dt>{t('fields.adl')}</dt>
                  <dd>
                    <AdlTable grid={(content.adl ?? {}) as Record<string, AdlScore | null>} />
                  </dd>
                </div>
              ) : (
                <div key={field} className="document-field">
                  <dt>{t(`fields.${field}`)}</dt>
                  <dd>
                    <Value field={field} value={content[field]} />
                  </dd>
                </div>
              ),
            )}
          </dl>
        </section>
      ))}
    </div>
  );
}
