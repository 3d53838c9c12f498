import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  accountsApi,
  type OkResponse,
  type Organisation,
  type OrganisationCreate,
} from '../../../contracts/accounts';
import { OrganisationKind } from '../../../contracts/roles';
import { api } from '../../app/api';
import { Alert, ErrorAlert } from '../../components/alert';
import { DateTime } from '../../components/date-time';
import { SelectField, TextField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { TableScroll } from '../../components/table-scroll';
import { useLanguage } from '../../i18n/i18n';
import './admin.messages';
import { FilterForm } from './filter-form';
import { organisationsKey, useOrganisations } from './organisations.queries';

function useKindOptions() {
  const { t } = useTranslation();
  return OrganisationKind.options.map((kind) => ({ value: kind, label: t(`organisationKinds.${kind}`) }));
}

function OrganisationCreateForm() {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const kindOptions = useKindOptions();
  const create = useMutation({
    mutationFn: (body: OrganisationCreate) =>
      api<Organisation>(accountsApi.organisations, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: organisationsKey }),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const nameKana = String(form.get('nameKana') ?? '').trim();
    create.mutate(
      {
        kind: String(form.get('kind')) as OrganisationCreate['kind'],
        name: String(form.get('name') ?? ''),
        nameKana: nameKana || null,
      },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <section aria-labelledby="organisation-add-title">
      <h2 id="organisation-add-title">{t('organisations.addTitle')}</h2>
      {create.data ? (
        <Alert kind="success">
          <p>{t('organisations.added', { name: create.data.name })}</p>
        </Alert>
      ) : null}
      <ErrorAlert error={create.error} />
      <form className="form" onSubmit={submit}>
        <SelectField
          label={t('organisations.kind')}
          name="kind"
          options={kindOptions}
          emptyLabel={t('common.choose')}
          required
        />
        <TextField label={t('organisations.name')} name="name" maxLength={200} required />
        <TextField
          label={t('organisations.nameKana')}
          hint={t('organisations.nameKanaHint')}
          name="nameKana"
          maxLength={200}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('organisations.add')}
          </button>
        </div>
      </form>
    </section>
  );
}

function OrganisationTable({
  items,
  onRemove,
  busy,
}: {
  items: Organisation[];
  onRemove: (organisation: Organisation) => void;
  busy: boolean;
}) {
  const { t } = useTranslation('admin');
  const { t: common } = useTranslation();
  const language = useLanguage();
  return (
    <TableScroll label={t('organisations.listTitle')}>
      <table className="table">
        <caption className="visually-hidden">{t('organisations.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('organisations.name')}</th>
            <th scope="col">{t('organisations.kind')}</th>
            <th scope="col">{t('organisations.members')}</th>
            <th scope="col">{t('organisations.updated')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((organisation) => (
            <tr key={organisation.id}>
              <th scope="row">
                {organisation.name}
                {organisation.nameKana ? <span className="field__hint">{organisation.nameKana}</span> : null}
              </th>
              <td>{common(`organisationKinds.${organisation.kind}`)}</td>
              <td>{organisation.memberCount}</td>
              <td>
                <DateTime value={organisation.updatedAt} language={language} />
              </td>
              <td>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => onRemove(organisation)}
                  disabled={busy}
                  aria-label={`${t('organisations.delete')}: ${organisation.name}`}
                >
                  {t('organisations.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Ward admin: organisations of the municipality, with add and delete. */
export function OrganisationsPage() {
  const { t } = useTranslation('admin');
  const [params] = useSearchParams();
  const kindOptions = useKindOptions();
  const filters = {
    kind: (params.get('kind') || undefined) as Organisation['kind'] | undefined,
    q: params.get('q') || undefined,
  };
  const list = useOrganisations(filters);
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => api<OkResponse>(accountsApi.organisation(id), { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: organisationsKey }),
  });
  const confirmRemove = (organisation: Organisation) => {
    if (window.confirm(t('organisations.deleteConfirm', { name: organisation.name })))
      remove.mutate(organisation.id);
  };
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeading title={t('organisations.title')} />
      <p className="page-narrow">{t('organisations.intro')}</p>
      <OrganisationCreateForm />
      <section aria-labelledby="organisation-list-title">
        <h2 id="organisation-list-title">{t('organisations.listTitle')}</h2>
        <FilterForm>
          <SelectField
            label={t('organisations.filterKind')}
            name="kind"
            options={kindOptions}
            emptyLabel={t('common.all')}
            defaultValue={filters.kind ?? ''}
          />
          <TextField
            label={t('organisations.filterQ')}
            name="q"
            type="search"
            defaultValue={filters.q ?? ''}
          />
        </FilterForm>
        {remove.isSuccess ? (
          <Alert kind="success">
            <p>{t('organisations.deleted')}</p>
          </Alert>
        ) : null}
        <ErrorAlert error={list.error ?? remove.error} />
        {list.isPending ? <Loading /> : null}
        {list.data && items.length === 0 ? <p>{t('common.none')}</p> : null}
        {items.length > 0 ? (
          <OrganisationTable items={items} onRemove={confirmRemove} busy={remove.isPending} />
        ) : null}
      </section>
    </>
  );
}
