import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CollaborationTool,
  capabilityFitsType,
  type FacilityStatus,
} from '../../../../contracts/directory';
import { invalidFields } from '../../../app/api';
import { Alert, ErrorAlert } from '../../../components/alert';
import { SelectField, TextField } from '../../../components/field';
import { DIRECTORY_NS } from '../i18n';
import { useCapabilities } from '../shared/directory.api';
import { changedFields, draftFromFacility, type FacilityDraft } from './facility-draft';
import { HoursEditor } from './hours-editor';
import { type MyFacility, submitChangeRequest } from './staff.api';
import { DIRECTORY_STAFF_NS } from './staff-i18n';

const STATUSES: readonly FacilityStatus[] = ['active', 'suspended', 'closed'];
const TOOLS: readonly CollaborationTool[] = [
  'mcs',
  'denshi_renrakucho',
  'vital_link',
  'fax_only',
  'phone_only',
];
type TextKey =
  | 'name'
  | 'kana'
  | 'nameEn'
  | 'postalCode'
  | 'phone'
  | 'fax'
  | 'email'
  | 'url'
  | 'medicalInstitutionCode'
  | 'careOfficeNumber'
  | 'beds';
const ADDRESS = ['prefecture', 'city', 'town', 'block', 'building'] as const;

type FieldsProps = {
  draft: FacilityDraft;
  set: <K extends keyof FacilityDraft>(key: K, value: FacilityDraft[K]) => void;
  /** Fields the server refused (`request.invalid` details). */
  bad: Set<string>;
};

/**
 * The editor changes its own facility; the change waits for the ward's review. Only the fields
 * that differ are sent, with the version the editor started from (a later change wins a 409).
 */
export function FacilityEditForm({ facility }: { facility: MyFacility }) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const client = useQueryClient();
  const [original] = useState(() => draftFromFacility(facility));
  const [draft, setDraft] = useState(original);
  const [note, setNote] = useState('');
  const [nothing, setNothing] = useState(false);
  const noteId = useId();
  const submit = useMutation({
    mutationFn: () =>
      submitChangeRequest(facility.id, {
        baseVersion: facility.version,
        changes: changedFields(original, draft),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['directory-staff'] }),
  });
  const set: FieldsProps['set'] = (key, value) => setDraft((d) => ({ ...d, [key]: value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const empty = Object.keys(changedFields(original, draft)).length === 0;
    setNothing(empty);
    if (!empty) submit.mutate();
  };
  if (submit.isSuccess) {
    return (
      <Alert kind="success">
        <p>{t('my.submitted')}</p>
      </Alert>
    );
  }
  return (
    <form className="dir-edit" onSubmit={onSubmit} noValidate>
      <p>{t('my.editLead')}</p>
      {submit.error ? <ErrorAlert error={submit.error} /> : null}
      <NameAndAddressFields draft={draft} set={set} bad={invalidFields(submit.error)} />
      <ContactFields draft={draft} set={set} bad={invalidFields(submit.error)} />
      <ServiceFields
        type={facility.type}
        held={original.capabilities}
        draft={draft}
        set={set}
        bad={invalidFields(submit.error)}
      />
      <HoursEditor hours={draft.hours} onChange={(hours) => set('hours', hours)} />
      <div className="field">
        <label className="field__label" htmlFor={noteId}>
          {t('my.note')}
        </label>
        <textarea
          id={noteId}
          className="textarea"
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {nothing ? (
        <p className="field__error" role="alert">
          {t('my.noChanges')}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={submit.isPending}>
        {t('my.submit')}
      </button>
    </form>
  );
}

function useTextField({ draft, set, bad }: FieldsProps) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  return (key: TextKey, extra: { type?: string; inputMode?: 'numeric' | 'tel' | 'email' | 'url' } = {}) => (
    <TextField
      label={t(`field.${key}`)}
      value={draft[key]}
      error={bad.has(key) ? t('invalidField', { field: t(`field.${key}`) }) : undefined}
      onChange={(event) => set(key, event.target.value)}
      {...extra}
    />
  );
}

function NameAndAddressFields(props: FieldsProps) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const { draft, set } = props;
  const text = useTextField(props);
  return (
    <>
      {text('name')}
      {text('kana')}
      {text('nameEn')}
      <SelectField
        label={t('field.status')}
        value={draft.status}
        options={STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
        onChange={(event) => set('status', event.target.value as FacilityStatus)}
      />
      <fieldset>
        <legend>{t('field.addressBlock')}</legend>
        {text('postalCode', { inputMode: 'numeric' })}
        {ADDRESS.map((part) => (
          <TextField
            key={part}
            label={t(`address.${part}`)}
            value={draft.addressBlock[part]}
            onChange={(event) => set('addressBlock', { ...draft.addressBlock, [part]: event.target.value })}
          />
        ))}
      </fieldset>
    </>
  );
}

function ContactFields(props: FieldsProps) {
  const text = useTextField(props);
  return (
    <>
      {text('phone', { type: 'tel', inputMode: 'tel' })}
      {text('fax', { type: 'tel', inputMode: 'tel' })}
      {text('email', { type: 'email', inputMode: 'email' })}
      {text('url', { type: 'url', inputMode: 'url' })}
      {text('medicalInstitutionCode', { inputMode: 'numeric' })}
      {text('careOfficeNumber', { inputMode: 'numeric' })}
      {text('beds', { inputMode: 'numeric' })}
    </>
  );
}

function ServiceFields({
  type,
  held,
  draft,
  set,
}: FieldsProps & { type: MyFacility['type']; held: readonly string[] }) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const tools = draft.collaborationTools;
  return (
    <>
      <ListField
        label={t('field.departments')}
        value={draft.departments}
        onChange={(v) => set('departments', v)}
      />
      <CapabilityChoices
        type={type}
        held={held}
        draft={draft}
        onChange={(codes) => set('capabilities', codes)}
      />
      <fieldset>
        <legend>{t('field.collaborationTools')}</legend>
        {TOOLS.map((tool) => (
          <label className="checkbox" key={tool}>
            <input
              type="checkbox"
              checked={tools.includes(tool)}
              onChange={(event) =>
                set(
                  'collaborationTools',
                  event.target.checked ? [...tools, tool] : tools.filter((x) => x !== tool),
                )
              }
            />
            <span>{t(`tool.${tool}`, { ns: DIRECTORY_NS })}</span>
          </label>
        ))}
      </fieldset>
      <ListField label={t('field.languages')} value={draft.languages} onChange={(v) => set('languages', v)} />
      <ListField
        label={t('field.accessibility')}
        value={draft.accessibility}
        onChange={(v) => set('accessibility', v)}
      />
    </>
  );
}

function ListField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation(DIRECTORY_STAFF_NS);
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <span className="field__hint" id={`${id}-hint`}>
        {t('listHint')}
      </span>
      <textarea
        id={id}
        className="textarea"
        rows={3}
        aria-describedby={`${id}-hint`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/**
 * Only the capabilities that fit the facility's type (contracts' `capabilityFacilityTypes`, the
 * table the server checks too), plus any the entry already holds so that none disappears unseen.
 */
function CapabilityChoices({
  type,
  held,
  draft,
  onChange,
}: {
  type: MyFacility['type'];
  held: readonly string[];
  draft: FacilityDraft;
  onChange: (codes: string[]) => void;
}) {
  const { t, i18n } = useTranslation(DIRECTORY_STAFF_NS);
  const capabilities = useCapabilities();
  const items = (capabilities.data?.items ?? [])
    .filter((c) => capabilityFitsType(c.code, type) || held.includes(c.code))
    .sort((a, b) => a.sortOrder - b.sortOrder);
  return (
    <fieldset>
      <legend>{t('field.capabilities')}</legend>
      <div className="dir-choices--grid">
        {items.map((capability) => (
          <label className="checkbox" key={capability.code}>
            <input
              type="checkbox"
              checked={draft.capabilities.includes(capability.code)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...draft.capabilities, capability.code]
                    : draft.capabilities.filter((code) => code !== capability.code),
                )
              }
            />
            <span>{i18n.language === 'en' ? capability.nameEn : capability.name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
