import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { hasRole, useSession } from '../../app/session';
import { ErrorAlert } from '../../components/alert';
import { TextField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { ShowMore } from '../../components/show-more';
import { TableScroll } from '../../components/table-scroll';
import { BreakGlassForm } from './break-glass-form';
import { usePatientList } from './patients.api';
import './patients.messages';

/** The caller's patients (only their circles and district), searchable by kana. */
export function PatientsPage() {
  const { t } = useTranslation('patients');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const kana = params.get('kana') ?? '';
  const [draft, setDraft] = useState(kana);
  const list = usePatientList(kana);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft ? { kana: draft } : {});
  };
  const canRegister = ['hospital_staff', 'center_staff', 'clinician', 'care_manager'].some((r) =>
    hasRole(session.data, r as never),
  );
  return (
    <>
      <PageHeading title={t('list.title')} />
      <p className="page-narrow">{t('list.intro')}</p>
      {canRegister ? (
        <div className="button-row">
          <Link className="button" to="/staff/patients/new">
            {t('list.add')}
          </Link>
        </div>
      ) : null}
      <search className="page-narrow">
        <form onSubmit={onSearch}>
          <TextField
            label={t('list.search')}
            hint={t('list.searchHint')}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" className="button button--secondary">
            {t('list.searchButton')}
          </button>
        </form>
      </search>
      {list.isPending ? <Loading /> : null}
      <ErrorAlert error={list.error} />
      {list.data && items.length === 0 ? <p>{t('list.none')}</p> : null}
      {items.length > 0 ? (
        <TableScroll label={t('list.title')}>
          <table className="table">
            <caption className="visually-hidden">{t('list.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.name')}</th>
                <th scope="col">{t('list.kana')}</th>
                <th scope="col">{t('list.birthDate')}</th>
                <th scope="col">{t('list.town')}</th>
                <th scope="col">{t('list.careLevel')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/staff/patients/${p.id}`}>{p.name}</Link>
                    {p.fictional ? <span className="badge">{t('fictional')}</span> : null}
                  </td>
                  <td>{p.nameKana}</td>
                  <td>{p.birthDate}</td>
                  <td>{p.addressTown}</td>
                  <td>{t(`careLevel.${p.careLevel}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <ShowMore list={list} label={t('list.more')} />
      {hasRole(session.data, 'ward_admin') ? <BreakGlassForm /> : null}
    </>
  );
}
