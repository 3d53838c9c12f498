import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReferralDto, type ReferralEvent, ROLE_FILLED_REASON } from '../../../contracts/referrals';
import { Alert, ErrorAlert } from '../../components/alert';
import { formatDateTime } from '../../components/date-time';
import { SelectField, TextField } from '../../components/field';
import { useLanguage } from '../../i18n/i18n';
import { referralStep } from './referral.api';
import { ReferralFacilitySearch } from './referral-search';
import './referral.messages';

const WITH_REASON: ReferralEvent[] = ['decline', 'cancel', 'fail'];

/** Now in Tokyo as a datetime-local value (Japan has no daylight saving). */
const tokyoNow = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 16);

/** One referral: recipient, capacity with its date, the warning, and the moves the caller may make. */
export function ReferralCard({
  referral,
  invalidate,
  onAnswered,
}: {
  referral: ReferralDto;
  invalidate: readonly unknown[];
  /** After a move succeeds, with the referral as it now is (a list may drop it: the page says what happened). */
  onAnswered?: (event: ReferralEvent, updated: ReferralDto) => void;
}) {
  const { t } = useTranslation('referrals');
  const language = useLanguage();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const step = useMutation({
    mutationFn: (b: { path: ReferralEvent; body?: unknown }) => referralStep(referral.id, b.path, b.body),
    onSuccess: (updated, b) => onAnswered?.(b.path, updated),
    onSettled: () => client.invalidateQueries({ queryKey: invalidate }),
  });
  const needsAgreement =
    referral.actions.includes('send') && !referral.providerChangeId && !referral.agreement;
  const titleId = `referral-${referral.id}`;
  const capacity = (c: ReferralDto['capacity'], key: 'capacity' | 'capacityAtSend') =>
    c
      ? t(`section.${key}`, { signal: t(`signal.${c.signal}`), date: formatDateTime(c.setAt, language) })
      : null;

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    step.mutate({
      path: 'send',
      body: needsAgreement
        ? {
            agreement: {
              givenBy: String(form.get('givenBy')),
              method: String(form.get('method')),
              givenAt: new Date(`${String(form.get('givenAt'))}:00+09:00`).toISOString(),
              note: String(form.get('note') ?? '').trim() || undefined,
            },
          }
        : {},
    });
  }

  return (
    <article className="card" aria-labelledby={titleId} data-testid="referral">
      <h3 id={titleId}>
        {t(`roles.${referral.role}`)}：{referral.recipientLabel}{' '}
        <span className="badge" data-testid="referral-status">
          {t(`status.${referral.status}`)}
        </span>
      </h3>
      {referral.patient ? (
        <p>
          {t('inbox.patient', {
            name: referral.patient.name,
            kana: referral.patient.nameKana,
            birthDate: referral.patient.birthDate,
            town: referral.patient.town,
          })}
        </p>
      ) : null}
      <p>{t('inbox.from', { sender: referral.senderLabel })}</p>
      {referral.providerChangeId ? <p>{t('section.forChange')}</p> : null}
      <p data-testid="referral-capacity">
        {capacity(referral.capacity, 'capacity') ??
          (referral.recipientFacilityId ? t('section.capacityUnknown') : t('search.associationHint'))}
      </p>
      {referral.capacityAtSend ? <p>{capacity(referral.capacityAtSend, 'capacityAtSend')}</p> : null}
      {referral.namedLabel ? <p>{t('section.named', { name: referral.namedLabel })}</p> : null}
      {referral.reason ? (
        <p>
          {referral.reason === ROLE_FILLED_REASON
            ? t('section.roleFilled')
            : t('section.reason', { reason: referral.reason })}
        </p>
      ) : null}
      {referral.openForSameRole > 0 ? (
        <Alert kind="warning" title={t('section.title')}>
          <p>{t('section.warning', { count: referral.openForSameRole })}</p>
        </Alert>
      ) : null}
      <ErrorAlert error={step.error} />
      {referral.actions.includes('send') ? (
        <form className="form no-print" onSubmit={send} aria-label={t('actions.send')}>
          {needsAgreement ? (
            <fieldset>
              <legend>{t('agreement.title')}</legend>
              <p>{t('agreement.hint')}</p>
              <SelectField
                name="givenBy"
                label={t('agreement.givenBy')}
                options={(['patient', 'representative'] as const).map((v) => ({
                  value: v,
                  label: t(`agreement.${v}`),
                }))}
              />
              <SelectField
                name="method"
                label={t('agreement.method')}
                options={(['in_person', 'phone', 'document'] as const).map((v) => ({
                  value: v,
                  label: t(`agreement.methods.${v}`),
                }))}
              />
              <TextField
                name="givenAt"
                type="datetime-local"
                label={t('agreement.givenAt')}
                required
                defaultValue={tokyoNow()}
              />
              <TextField name="note" label={t('agreement.note')} />
            </fieldset>
          ) : null}
          <button className="button" type="submit" disabled={step.isPending}>
            {t('actions.send')}
          </button>
        </form>
      ) : null}
      {referral.actions.some((a) => WITH_REASON.includes(a)) ? (
        <TextField
          className="no-print"
          name={`reason-${referral.id}`}
          label={t('reasonLabel')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      ) : null}
      <div className="button-row no-print">
        {referral.actions
          .filter((a) => a !== 'send' && a !== 'name')
          .map((a) => (
            <button
              key={a}
              className={a === 'accept' ? 'button' : 'button button--secondary'}
              type="button"
              disabled={step.isPending}
              onClick={() =>
                step.mutate({ path: a, body: WITH_REASON.includes(a) ? { reason: reason || undefined } : {} })
              }
            >
              {t(`actions.${a}`)}
            </button>
          ))}
      </div>
      {referral.actions.includes('name') ? (
        <ReferralFacilitySearch
          title={t('inbox.nameTitle')}
          types={['dental_clinic']}
          actionLabel={t('actions.name')}
          onChoose={(facility) => step.mutate({ path: 'name', body: { facilityId: facility.id } })}
        />
      ) : null}
    </article>
  );
}
