import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ContactCreateBody,
  consultationTopics,
  consulterKinds,
  contactChannels,
  contactResponses,
  referralSources,
  triStates,
} from '../../../contracts/consultations';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import './consultations.messages';

/** Now in Tokyo as a datetime-local value (YYYY-MM-DDTHH:MM). */
export const tokyoNowLocal = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 16);

/** A checkbox group: a fieldset whose legend names it, one large checkbox per value. */
export function CheckboxGroup({
  name,
  legend,
  values,
  labelOf,
  defaultChecked = [],
}: {
  name: string;
  legend: string;
  values: readonly string[];
  labelOf: (value: string) => string;
  defaultChecked?: readonly string[];
}) {
  return (
    <fieldset className="field consultation-choices">
      <legend>{legend}</legend>
      {values.map((value) => (
        <label className="checkbox" key={value}>
          <input type="checkbox" name={name} value={value} defaultChecked={defaultChecked.includes(value)} />
          <span>{labelOf(value)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The fields of one contact (延数), for the new consultation and for a later contact. */
export function ContactFields() {
  const { t } = useTranslation('consultations');
  const [consulter, setConsulter] = useState('');
  return (
    <>
      <TextField
        name="occurredAt"
        type="datetime-local"
        label={t('form.occurredAt')}
        required
        defaultValue={tokyoNowLocal()}
      />
      <SelectField
        name="channel"
        label={t('form.channel')}
        required
        defaultValue="phone"
        options={contactChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
      />
      <SelectField
        name="consulter"
        label={t('form.consulter')}
        required
        value={consulter}
        onChange={(e) => setConsulter(e.target.value)}
        emptyLabel={t('form.choose')}
        options={consulterKinds.map((c) => ({ value: c, label: t(`consulter.${c}`) }))}
      />
      {consulter === 'medical_institution' ? (
        <>
          <TextField
            name="institutionName"
            label={t('form.institutionName')}
            hint={t('form.institutionHint')}
          />
          <SelectField
            name="institutionInWard"
            label={t('form.institutionInWard')}
            defaultValue="unknown"
            options={triStates.map((v) => ({ value: v, label: t(`tri.${v}`) }))}
          />
        </>
      ) : null}
      <SelectField
        name="referralSource"
        label={t('form.referralSource')}
        emptyLabel="—"
        options={referralSources.map((s) => ({ value: s, label: t(`source.${s}`) }))}
      />
      <CheckboxGroup
        name="topics"
        legend={t('form.topics')}
        values={consultationTopics}
        labelOf={(v) => t(`topic.${v}`)}
      />
      <CheckboxGroup
        name="responses"
        legend={t('form.responses')}
        values={contactResponses}
        labelOf={(v) => t(`response.${v}`)}
      />
      <TextAreaField name="summary" label={t('form.summary')} required rows={4} maxLength={2000} />
      <TextField name="followUpOn" type="date" label={t('form.followUpOn')} />
    </>
  );
}

/** Reads ContactFields out of the form (the server validates; an empty group is its 400). */
export function readContact(form: FormData): ContactCreateBody {
  const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
  const consulter = String(form.get('consulter') ?? '') as ContactCreateBody['consulter'];
  const institutionName = text('institutionName');
  const local = String(form.get('occurredAt') ?? '');
  return {
    // the field is Tokyo wall-clock time
    occurredAt: local ? `${local}:00+09:00` : '',
    channel: String(form.get('channel')) as ContactCreateBody['channel'],
    consulter,
    institution:
      consulter === 'medical_institution' && institutionName
        ? {
            name: institutionName,
            inWard: (text('institutionInWard') ?? 'unknown') as 'yes' | 'no' | 'unknown',
          }
        : undefined,
    referralSource: text('referralSource') as ContactCreateBody['referralSource'],
    topics: form.getAll('topics').map(String) as ContactCreateBody['topics'],
    responses: form.getAll('responses').map(String) as ContactCreateBody['responses'],
    summary: String(form.get('summary') ?? ''),
    followUpOn: text('followUpOn'),
  };
}
