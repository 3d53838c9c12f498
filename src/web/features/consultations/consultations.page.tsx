import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type ConsultationStatus, consultationStates } from '../../../contracts/consultations';
import { ErrorAlert } from '../../components/alert';
import { DateTime } from '../../components/date-time';
import { SelectField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ShowMore } from '../../components/show-more';
import { TableScroll } from '../../components/table-scroll';
import { useConsultations } from './consultations.api';
import './consultations.messages';

/** 相談一覧: the window's consultations, newest contact first, with a status filter. */
export function ConsultationsPage() {
  const { t, i18n } = useTranslation('consultations');
  const [params, setParams] = useSearchParams();
  const status = consultationStates.find((s) => s === params.get('status')) as ConsultationStatus | undefined;
  const list = useConsultations(status);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeading title={t('list.title')} />
      <p className="page-narrow">{t('list.intro')}</p>
      <div className="button-row">
        <Link className="button" to="/staff/consultations/new">
          {t('list.new')}
        </Link>
        <Link className="button button--secondary" to="/staff/consultations/figures">
          {t('figures.link')}
        </Link>
      </div>
      <SelectField
        label={t('list.filter')}
        value={status ?? ''}
        onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
        emptyLabel={t('list.all')}
        options={consultationStates.map((s) => ({ value: s, label: t(`status.${s}`) }))}
      />
      {list.isPending ? <Loading /> : null}
      <ErrorAlert error={list.error} />
      {list.data && items.length === 0 ? <p>{t('list.none')}</p> : null}
      {items.length > 0 ? (
        <TableScroll label={t('list.title')}>
          <table className="table">
            <caption className="visually-hidden">{t('list.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.subject')}</th>
                <th scope="col">{t('list.lastContact')}</th>
                <th scope="col">{t('list.contacts')}</th>
                <th scope="col">{t('list.status')}</th>
                <th scope="col">{t('list.flags')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/staff/consultations/${c.id}`}>
                      {c.subjectName ?? t('list.anonymous')}
                      {c.subjectKana ? `（${c.subjectKana}）` : ''}
                    </Link>
                  </th>
                  <td>
                    <DateTime value={c.lastContactAt} language={i18n.language} />
                  </td>
                  <td>{c.contactCount}</td>
                  <td>{t(`status.${c.status}`)}</td>
                  <td>{c.flags.map((f) => t(`flag.${f}`)).join('、') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <ShowMore list={list} label={t('list.more')} />
    </>
  );
}
