import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderChangeDto } from '../../../contracts/discharge';
import { type ReferralCreateBody, type ReferralRole, referralRoles } from '../../../contracts/referrals';
import { api } from '../../app/api';
import { ErrorAlert } from '../../components/alert';
import { SelectField } from '../../components/field';
import { Loading } from '../../components/loading';
import { referralsKey, useDesks, useReferrals } from './referral.api';
import { ReferralCard } from './referral-card';
import { ReferralFacilitySearch } from './referral-search';
import './referral.messages';

/** Facility types worth searching for each role (the first is the usual one). */
const TYPES_FOR: Record<ReferralRole, string[]> = {
  family_doctor: ['clinic', 'hospital'],
  family_dentist: ['dental_clinic'],
  family_pharmacy: ['pharmacy'],
  home_visit_doctor: ['clinic', 'hospital'],
  visiting_nurse: ['visiting_nurse_station'],
  care_manager: ['care_management_office'],
};
const OPEN_CHANGES = [
  'proposed',
  'awaiting_consent',
  'consented',
  'incumbent_notified',
  'acknowledged',
  'objected',
  'escalated',
];

/**
 * The case page's 紹介 section: the patient's referrals (one per recipient) and, for the staff
 * running the case, a directory search by role and type showing each facility's capacity and its
 * date, to draft a referral — sent only past the continuity gate.
 */
export function ReferralSection({
  patientId,
  caseId,
  providerChanges,
  editable,
}: {
  patientId: string;
  caseId: string;
  providerChanges: ProviderChangeDto[];
  editable: boolean;
}) {
  const { t } = useTranslation('referrals');
  const client = useQueryClient();
  const referrals = useReferrals(patientId);
  const desks = useDesks();
  const [role, setRole] = useState<ReferralRole>('visiting_nurse');
  const [changeId, setChangeId] = useState('');
  const draft = useMutation({
    mutationFn: (body: ReferralCreateBody) => api('/api/referrals', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: referralsKey(patientId) }),
  });
  const changes = providerChanges.filter((c) => OPEN_CHANGES.includes(c.status) && c.toRole === role);
  const base = () => ({ patientId, caseId, role, ...(changeId ? { providerChangeId: changeId } : {}) });

  return (
    <section aria-labelledby="referrals-title">
      <h2 id="referrals-title">{t('section.title')}</h2>
      <p>{t('section.intro')}</p>
      {referrals.isPending ? <Loading /> : null}
      <ErrorAlert error={referrals.error} />
      {referrals.data?.items.length === 0 ? <p>{t('section.none')}</p> : null}
      {referrals.data?.items.map((r) => (
        <ReferralCard key={r.id} referral={r} invalidate={referralsKey(patientId)} />
      ))}
      {editable ? (
        <div className="card no-print">
          <h3>{t('search.title')}</h3>
          <ErrorAlert error={draft.error} />
          <SelectField
            name="referralRole"
            label={t('search.role')}
            value={role}
            onChange={(e) => {
              setRole(e.target.value as ReferralRole);
              setChangeId('');
            }}
            options={referralRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          {changes.length > 0 ? (
            <SelectField
              name="referralChange"
              label={t('search.change')}
              value={changeId}
              onChange={(e) => setChangeId(e.target.value)}
              options={[
                { value: '', label: t('search.noChange') },
                ...changes.map((c) => ({ value: c.id, label: `${c.fromLabel ?? '—'} → ${c.toLabel}` })),
              ]}
            />
          ) : null}
          <ReferralFacilitySearch
            key={role}
            title={t('search.results')}
            types={TYPES_FOR[role]}
            actionLabel={t('search.draft')}
            onChoose={(f) => draft.mutate({ ...base(), recipientFacilityId: f.id })}
          />
          {role === 'family_dentist' && (desks.data?.items.length ?? 0) > 0 ? (
            <section aria-labelledby="desks-title">
              <h4 id="desks-title">{t('search.association')}</h4>
              <p>{t('search.associationHint')}</p>
              <ul>
                {desks.data?.items.map((d) => (
                  <li key={d.id}>
                    {d.name}{' '}
                    <button
                      className="button button--secondary"
                      type="button"
                      onClick={() => draft.mutate({ ...base(), associationOrganisationId: d.id })}
                    >
                      {t('search.draftAssociation')}
                      <span className="visually-hidden">：{d.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
