import { describe, expect, it } from 'vitest';
import { visibleStaffNavItems } from './staff-nav';

describe('visibleStaffNavItems', () => {
  it('shows the admin pages to a ward admin', () => {
    const links = visibleStaffNavItems(['ward_admin']).map((item) => item.to);
    expect(links).toContain('/admin/invitations');
    expect(links).toContain('/admin/audit');
    expect(links).not.toContain('/staff/directory/my-facility');
  });

  it('shows a facility editor their facility and their account, nothing of the admin', () => {
    expect(visibleStaffNavItems(['facility_editor']).map((item) => item.to)).toEqual([
      '/staff/directory/my-facility',
      '/account',
    ]);
  });

  it('joins the links of every role a person holds', () => {
    const links = visibleStaffNavItems(['facility_editor', 'ward_admin']).map((item) => item.to);
    expect(links).toContain('/staff/directory/my-facility');
    expect(links).toContain('/admin/users');
  });
});
