import { useTranslation } from 'react-i18next';
import type { FacilityCapabilityDto } from '../../../../contracts/directory';
import { DIRECTORY_NS } from '../i18n';
import { formatDate } from '../shared/format';

/**
 * Each capability with the day it was last confirmed and by whom (the facility, the ward, or only
 * an open-data file). One not confirmed by the facility or the ward for 12 months says so in words
 * (and a mark), so nobody relies on it without calling first.
 */
export function CapabilityList({ capabilities }: { capabilities: FacilityCapabilityDto[] }) {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  if (capabilities.length === 0) return <p>{t('facility.noCapabilities')}</p>;
  const anyStale = capabilities.some((capability) => capability.stale);
  return (
    <>
      <ul className="dir-capabilities">
        {capabilities.map((capability) => (
          <li key={capability.code} className={capability.stale ? 'dir-capabilities__stale' : undefined}>
            <span className="dir-capabilities__name">
              {i18n.language === 'en' ? capability.nameEn : capability.name}
            </span>
            <span className="dir-capabilities__date">
              {t(`facility.confirmedBy.${capability.confirmedBy}`, {
                date: formatDate(capability.confirmedAt, i18n.language),
                file: capability.confirmedFile ?? '',
              })}
            </span>
            {capability.stale ? (
              <strong className="dir-stale">
                <span aria-hidden="true">⚠ </span>
                {t('facility.stale')}
              </strong>
            ) : null}
          </li>
        ))}
      </ul>
      {anyStale ? <p className="dir-stale-hint">{t('facility.staleHint')}</p> : null}
    </>
  );
}
