import type { Role } from '../../contracts/roles';

export type StaffNavItem = {
  to: string;
  /** Key in the `common` namespace (`nav.*`). */
  labelKey: string;
  /** Roles that see the link; absent = every signed-in person. */
  roles?: readonly Role[];
};

/**
 * Links of the staff bar, in reading order. A feature adds its staff pages here with one line
 * (and its label under `nav` in i18n/common.messages.ts); the server still enforces access.
 */
export const staffNavItems: readonly StaffNavItem[] = [
  { to: '/staff/directory/my-facility', labelKey: 'nav.myFacility', roles: ['facility_editor'] },
  { to: '/staff/directory/review', labelKey: 'nav.review', roles: ['ward_admin'] },
  { to: '/staff/directory/statistics', labelKey: 'nav.statistics', roles: ['ward_admin'] },
  { to: '/staff/opendata/import', labelKey: 'nav.openDataImport', roles: ['ward_admin'] },
  { to: '/staff/discharge', labelKey: 'nav.discharge', roles: ['hospital_staff', 'center_staff'] },
  { to: '/staff/consultations', labelKey: 'nav.consultations', roles: ['center_staff'] },
  {
    to: '/staff/discharge/notices',
    labelKey: 'nav.dischargeNotices',
    roles: ['clinician', 'care_manager', 'hospital_staff', 'center_staff'],
  },
  {
    to: '/staff/referrals/incoming',
    labelKey: 'nav.referralsIncoming',
    roles: ['clinician', 'care_manager', 'hospital_staff', 'center_staff'],
  },
  {
    to: '/staff/patients',
    labelKey: 'nav.patients',
    roles: ['hospital_staff', 'center_staff', 'clinician', 'care_manager', 'ward_admin'],
  },
  { to: '/figures', labelKey: 'nav.figures', roles: ['ward_admin'] },
  { to: '/council', labelKey: 'nav.council', roles: ['ward_admin'] },
  { to: '/staff/consultations/figures', labelKey: 'nav.consultationFigures', roles: ['ward_admin'] },
  { to: '/admin/organisations', labelKey: 'nav.organisations', roles: ['ward_admin'] },
  { to: '/admin/users', labelKey: 'nav.users', roles: ['ward_admin'] },
  { to: '/admin/invitations', labelKey: 'nav.invitations', roles: ['ward_admin'] },
  { to: '/admin/outbox', labelKey: 'nav.outbox', roles: ['ward_admin'] },
  { to: '/admin/audit', labelKey: 'nav.audit', roles: ['ward_admin'] },
  { to: '/account', labelKey: 'nav.account' },
];

/** The links a person with these roles sees. */
export function visibleStaffNavItems(roles: readonly Role[]): StaffNavItem[] {
  return staffNavItems.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role)));
}
