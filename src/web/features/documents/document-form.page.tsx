import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  adlItemLabels,
  adlItems,
  adlScoreLabels,
  adlScores,
  DischargeDestination,
  type DocumentDetail,
  DocumentKind,
  sectionsOf,
} from '../../../contracts/documents';
import { api } from '../../app/api';
import { ErrorAlert } from '../../components/alert';
import { SelectField, TextField } from '../../components/field';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { useLanguage } from '../../i18n/i18n';
import { fieldDefaults, fieldKind, requiredFields } from './document-fields';
import { useDocument } from './documents.api';
import './documents.css';
import './documents.messages';

type Content = Record<string, unknown>;

/** A new document for the patient in `?patientId=` of `?kind=` (optionally `?caseId=`, `?providerChangeId=`). */
export function NewDocumentPage() {
  const [params] = useSearchParams();
  const parsed = DocumentKind.safeParse(params.get('kind'));
  const kind = parsed.success ? parsed.data : 'nursing_summary';
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (body: { title: string; content: Content }) =>
      api<DocumentDetail>('/api/documents', {
        method: 'POST',
        body: {
          patientId: params.get('patientId'),
          caseId: params.get('caseId') || undefined,
          providerChangeId: params.get('providerChangeId') || undefined,
          kind,
          ...body,
        },
      }),
    onSuccess: (d) => navigate(`/staff/documents/${d.id}`),
  });
  const { t } = useTranslation('documents');
  return (
    <DocumentForm
      kind={kind}
      heading={t('form.newTitle', { kind: t(`kinds.${kind}`) })}
      initial={{ title: t(`kinds.${kind}`), content: {} }}
      submitLabel={t('form.save')}
      error={create.error}
      onSubmit={(body) => create.mutate(body)}
    />
  );
}

/** Editing the latest version: a draft is saved as a new draft version, a final one as an amendment. */
export function EditDocumentPage() {
  const { id = '' } = useParams();
  const query = useDocument(id);
  const navigate = useNavigate();
  const client = useQueryClient();
  const { t } = useTranslation('documents');
  const save = useMutation({
    mutationFn: (body: { title: string; content: Content; version: number }) =>
      api<DocumentDetail>(`/api/documents/${id}`, { method: 'PUT', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['documents', id] });
      navigate(`/staff/documents/${id}`);
    },
  });
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} />;
  const d = query.data;
  return (
    <DocumentForm
      kind={d.kind}
      heading={t('form.editTitle', { kind: t(`kinds.${d.kind}`), version: d.version })}
      initial={{ title: d.title, content: d.content }}
      submitLabel={d.status === 'final' ? t('form.saveFinal') : t('form.save')}
      error={save.error}
      onSubmit={(body) => save.mutate({ ...body, version: d.version })}
    />
  );
}

function DocumentForm(props: {
  kind: DocumentKind;
  heading: string;
  initial: { title: string; content: Content };
  submitLabel: string;
  error: unknown;
  onSubmit(body: { title: string; content: Content }): void;
}) {
  const { t } = useTranslation('documents');
  const language = useLanguage();
  const [title, setTitle] = useState(props.initial.title);
  const [content, setContent] = useState<Content>(props.initial.content);
  const set = (field: string, value: unknown) => setContent((c) => ({ ...c, [field]: value }));
  const required = new Set(requiredFields[props.kind]);
  function submit(event: FormEvent) {
    event.preventDefault();
    props.onSubmit({ title, content });
  }
  return (
    <form className="form document-form" onSubmit={submit} aria-labelledby="form-heading">
      <div id="form-heading">
        <PageHeading title={props.heading} />
      </div>
      <ErrorAlert error={props.error} />
      <TextField
        label={t('form.title')}
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      {sectionsOf[props.kind].map((section) => (
        <fieldset key={section.code} className="document-fieldset">
          <legend>{section[language]}</legend>
          {section.fields.map((field) => (
            <Field
              key={field}
              field={field}
              value={content[field] ?? fieldDefaults[props.kind][field]}
              unsetAllowed={fieldDefaults[props.kind][field] === undefined}
              required={required.has(field)}
              onChange={(value) => set(field, value)}
            />
          ))}
        </fieldset>
      ))}
      <div className="button-row">
        <button className="button" type="submit">
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}

type FieldProps = {
  field: string;
  value: unknown;
  required: boolean;
  /** The schema takes no answer (null) for it; else it has a default the form preselects. */
  unsetAllowed: boolean;
  onChange(value: unknown): void;
};

/** One field of the form, asked the way its kind needs. */
function Field({ field, value, required: isRequired, unsetAllowed, onChange }: FieldProps) {
  const { t } = useTranslation('documents');
  const label = t(`fields.${field}`);
  switch (fieldKind(field)) {
    case 'adl':
      return <AdlGrid value={(value ?? {}) as Record<string, string | null>} onChange={onChange} />;
    case 'destination':
      // unset only where the schema allows it (the 退院時サマリー); the 看護サマリー's default is preselected
      return (
        <SelectField
          label={label}
          value={String(value ?? '')}
          emptyLabel={unsetAllowed ? t('view.unknown') : undefined}
          options={DischargeDestination.options.map((v) => ({ value: v, label: t(`destination.${v}`) }))}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    case 'date':
      return (
        <TextField
          type="date"
          label={label}
          required={isRequired}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.currentTarget.value || null)}
        />
      );
    case 'yesNo':
      return (
        <SelectField
          label={label}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          emptyLabel={t('view.unknown')}
          options={[
            { value: 'yes', label: t('view.yes') },
            { value: 'no', label: t('view.no') },
          ]}
          onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value === 'yes')}
        />
      );
    case 'short':
      return (
        <TextField
          label={label}
          required={isRequired}
          maxLength={200}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    default:
      return <TextArea label={label} required={isRequired} value={String(value ?? '')} onChange={onChange} />;
  }
}

function TextArea(props: { label: string; required: boolean; value: string; onChange(value: string): void }) {
  const id = useId();
  const { t } = useTranslation();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {props.label}
        {props.required ? <span className="field__required">{t('form.required')}</span> : null}
      </label>
      <textarea
        id={id}
        className="input document-textarea"
        required={props.required}
        maxLength={8000}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      />
    </div>
  );
}

/**
 * The ADL grid: one radio group per item (arrow keys move between the grades, Tab to the next item),
 * each radio named "item：grade" for screen readers.
 */
function AdlGrid({ value, onChange }: { value: Record<string, string | null>; onChange(v: unknown): void }) {
  const { t } = useTranslation('documents');
  const language = useLanguage();
  const grades = [null, ...adlScores] as const;
  const gradeLabel = (g: (typeof grades)[number]) => (g ? adlScoreLabels[g][language] : t('form.adlNone'));
  return (
    <table className="table document-adl-grid">
      <caption>{t('form.adlLegend')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('form.adlItem')}</th>
          {grades.map((g) => (
            <th key={g ?? 'none'} scope="col">
              {gradeLabel(g)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {adlItems.map((item) => (
          <tr key={item}>
            <th scope="row" id={`adl-${item}`}>
              {adlItemLabels[item][language]}
            </th>
            {grades.map((g) => (
              <td key={g ?? 'none'}>
                <input
                  type="radio"
                  name={`adl-${item}`}
                  aria-label={`${adlItemLabels[item][language]}：${gradeLabel(g)}`}
                  checked={(value[item] ?? null) === g}
                  onChange={() => onChange({ ...value, [item]: g })}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
