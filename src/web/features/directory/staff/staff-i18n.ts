import { registerMessages } from '../../../i18n/i18n';
import '../i18n';
import { directoryStaffMessages } from './staff.messages';

/** Namespace of the directory's staff pages; a separate chunk from the public words. */
export const DIRECTORY_STAFF_NS = 'directoryStaff';

registerMessages(DIRECTORY_STAFF_NS, directoryStaffMessages);
