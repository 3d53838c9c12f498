import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FacilityDetail } from '../../../../contracts/directory';
import { DIRECTORY_NS } from '../i18n';
import { telHref } from '../shared/format';

/** Name, address and contact details as a definition list; rows without a value are left out. */
export function FacilityBasics({ facility }: { facility: FacilityDetail }) {
  const { t } = useTranslation(DIRECTORY_NS);
  const rows: Array<[string, ReactNode]> = [];
  const add = (label: string, value: ReactNode | null | undefined | false) => {
    if (value !== null && value !== undefined && value !== false && value !== '') rows.push([label, value]);
  };
  add(t('facility.kana'), facility.kana);
  add(t('facility.nameEn'), facility.nameEn && <span lang="en">{facility.nameEn}</span>);
  add(t('facility.type'), t(`type.${facility.type}`));
  add(
    t('facility.address'),
    `${facility.postalCode ? `〒${postal(facility.postalCode)} ` : ''}${facility.address}`,
  );
  add(t('facility.district'), facility.districtName);
  add(t('facility.phone'), facility.phone && <a href={telHref(facility.phone)}>{facility.phone}</a>);
  add(t('facility.fax'), facility.fax);
  add(t('facility.email'), facility.email && <a href={`mailto:${facility.email}`}>{facility.email}</a>);
  add(t('facility.url'), facility.url && <ExternalLink url={facility.url} />);
  add(t('facility.medicalCode'), facility.medicalInstitutionCode);
  add(t('facility.careNumber'), facility.careOfficeNumber);
  add(t('facility.beds'), facility.beds !== null && t('facility.bedsCount', { count: facility.beds }));
  add(
    t('facility.mainStation'),
    facility.mainStation && (
      <Link to={`/facilities/${facility.mainStation.id}`}>{facility.mainStation.name}</Link>
    ),
  );
  add(
    t('facility.satellites'),
    facility.satellites.length > 0 && (
      <ul className="dir-plain-list">
        {facility.satellites.map((satellite) => (
          <li key={satellite.id}>
            <Link to={`/facilities/${satellite.id}`}>{satellite.name}</Link>
          </li>
        ))}
      </ul>
    ),
  );
  return (
    <dl className="dir-basics">
      {rows.map(([label, value]) => (
        <div key={label} className="dir-basics__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** 1530052 → 153-0052, as Japanese addresses write it. */
function postal(code: string): string {
  return /^\d{7}$/.test(code) ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}

/** Only http(s) links are shown as links; anything else is shown as text. */
function ExternalLink({ url }: { url: string }) {
  const { t } = useTranslation(DIRECTORY_NS);
  if (!/^https?:\/\//i.test(url)) return <span>{url}</span>;
  return (
    <a href={url} rel="noopener noreferrer external" target="_blank">
      {url}
      <span className="visually-hidden">{t('facility.newWindow')}</span>
    </a>
  );
}
