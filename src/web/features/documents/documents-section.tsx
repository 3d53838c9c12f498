import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DocumentSummary, documentKinds } from '../../../contracts/documents';
import { DateTime } from '../../components/date-time';
import './documents.messages';

/** The patient page's documents: each with its state, version and (for the author) how many read it. */
export function DocumentsSection({ patientId, data }: { patientId: string; data: unknown }) {
  const { t, i18n } = useTranslation('documents');
  const documents = (Array.isArray(data) ? data : []) as DocumentSummary[];
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t('section.title')}</h2>
      {documents.length === 0 ? <p>{t('section.none')}</p> : null}
      {documents.length > 0 ? (
        <table className="table" data-testid="documents-list">
          <thead>
            <tr>
              <th scope="col">{t('section.document')}</th>
              <th scope="col">{t('section.author')}</th>
              <th scope="col">{t('section.version')}</th>
              <th scope="col">{t('section.updated')}</th>
              <th scope="col">{t('section.read')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link to={`/staff/documents/${d.id}`}>{d.title}</Link> （{t(`kinds.${d.kind}`)}・
                  {t(`status.${d.status}`)}）
                </td>
                <td>{d.authorOrganisationName}</td>
                <td>{t('view.version', { version: d.version })}</td>
                <td>
                  <DateTime value={d.updatedAt} language={i18n.language} />
                </td>
                <td>{d.readCount === null ? '—' : t('section.readCount', { count: d.readCount })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="button-row">
        {documentKinds.map((kind) => (
          <Link
            key={kind}
            className="button button--secondary"
            to={`/staff/documents/new?patientId=${patientId}&kind=${kind}`}
          >
            {t('section.new', { kind: t(`kinds.${kind}`) })}
          </Link>
        ))}
      </div>
    </section>
  );
}
