import { registerMessages } from '../../i18n/i18n';
import { directoryMessages } from './directory.messages';

/** Namespace of the public directory pages (search, facility, print, report, confirm). */
export const DIRECTORY_NS = 'directory';

registerMessages(DIRECTORY_NS, directoryMessages);
