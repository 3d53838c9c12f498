import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type DocumentSummary, documentKinds } from '../../../contracts/documents';
import type { Page } from '../../../contracts/page';
import { api } from '../../app/api';
import { ErrorAlert } from '../../components/alert';
import { DateTime } from '../../components/date-time';
import './case-documents.messages';

/**
 * The case's 看護サマリー, 紹介状 and 退院時サマリー (`?caseId=` on the documents API), and links that
 * write a new one for this case. The documents pages own the forms; this only lists and links.
 */
export function CaseDocumentsSection({
  patientId,
  caseId,
  editable,
}: {
  patientId: string;
  caseId: string;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation('caseDocuments');
  const documents = useQuery({
    queryKey: ['documents', 'case', caseId],
    queryFn: ({ signal }) =>
      api<Page<DocumentSummary>>('/api/documents', { query: { patientId, caseId, limit: 50 }, signal }),
  });
  const items = documents.data?.items ?? [];
  return (
    <section aria-labelledby="case-documents-title">
      <h2 id="case-documents-title">{t('title')}</h2>
      <ErrorAlert error={documents.error} />
      {documents.isSuccess && items.length === 0 ? <p>{t('none')}</p> : null}
      {items.length > 0 ? (
        <ul data-testid="case-documents">
          {items.map((d) => (
            <li key={d.id}>
              <Link to={`/staff/documents/${d.id}`}>{d.title}</Link>（{t(`kinds.${d.kind}`)}・
              {t(`status.${d.status}`)}・{t('version', { version: d.version })}・
              <DateTime value={d.updatedAt} language={i18n.language} />）
            </li>
          ))}
        </ul>
      ) : null}
      {documents.data?.nextCursor ? <p>{t('more')}</p> : null}
      {editable ? (
        <div className="button-row no-print">
          {documentKinds.map((kind) => (
            <Link
              key={kind}
              className="button button--secondary"
              to={`/staff/documents/new?patientId=${patientId}&kind=${kind}&caseId=${caseId}`}
            >
              {t('new', { kind: t(`kinds.${kind}`) })}
            </Link>
          ))}
        </div>
      ) : null}
    </section>
  );
}
