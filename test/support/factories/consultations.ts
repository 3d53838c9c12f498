import { createOrganisation, createUser, type TestUser } from './accounts';

type Db = Parameters<typeof createOrganisation>[0];
type TestOrganisation = Awaited<ReturnType<typeof createOrganisation>>;

/**
 * Two 包括 windows of a municipality with one coordinator each, and the ward admin: the parties of
 * every consultation-desk test (a window sees its own records; the other window and the ward admin
 * do not).
 */
export async function createConsultationWindows(
  db: Db,
  municipalityCode: string,
  names: { north?: string; east?: string } = {},
): Promise<{
  north: TestOrganisation;
  east: TestOrganisation;
  northStaff: TestUser;
  eastStaff: TestUser;
  admin: TestUser;
}> {
  const window = (name?: string) =>
    createOrganisation(db, { municipalityCode, kind: 'community_support_center', ...(name ? { name } : {}) });
  const north = await window(names.north);
  const east = await window(names.east);
  const staffOf = (organisationId: string) =>
    createUser(db, { role: 'center_staff', municipalityCode, organisationId });
  return {
    north,
    east,
    northStaff: await staffOf(north.id),
    eastStaff: await staffOf(east.id),
    admin: await createUser(db, { role: 'ward_admin', municipalityCode }),
  };
}
