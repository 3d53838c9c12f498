import { useTranslation } from 'react-i18next';
import { DIRECTORY_NS } from '../i18n';

/**
 * Said in words when the map images cannot load (offline, a blocked tile server): markers on a
 * blank box with no word looked broken. A live region, so a screen reader hears it too.
 */
export function TilesFailedNote({ failed }: { failed: boolean }) {
  const { t } = useTranslation(DIRECTORY_NS);
  return (
    <p className={failed ? 'dir-map__tiles-failed' : 'visually-hidden'} role="status">
      {failed ? t('map.tilesFailed') : ''}
    </p>
  );
}
