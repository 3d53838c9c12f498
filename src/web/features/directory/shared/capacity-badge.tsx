import { useTranslation } from 'react-i18next';
import type { CapacityDto } from '../../../../contracts/directory';
import { DIRECTORY_NS } from '../i18n';
import { formatDateTime } from './format';

/**
 * The one-tap capacity signal with the time it was set: a signal without its time would
 * mislead (a "受入可" from last winter is no answer today). Text and a symbol, never colour alone.
 * The list and the page say the same name (受入可); the page (`long`) adds what it means.
 */
export function CapacityBadge({ capacity, long = false }: { capacity: CapacityDto; long?: boolean }) {
  const { t, i18n } = useTranslation(DIRECTORY_NS);
  const symbol = capacity.signal === 'accepting' ? '○' : capacity.signal === 'waitlist' ? '△' : '×';
  return (
    <p className={`dir-capacity dir-capacity--${capacity.signal}`}>
      <span className="dir-capacity__signal">
        <span aria-hidden="true">{symbol} </span>
        {long
          ? t('capacity.named', {
              name: t(`capacity.${capacity.signal}`),
              explanation: t(`capacity.${capacity.signal}Long`),
            })
          : t(`capacity.${capacity.signal}`)}
      </span>{' '}
      <span className="dir-capacity__time">
        {t('capacity.setAt', { time: formatDateTime(capacity.setAt, i18n.language) })}
      </span>
    </p>
  );
}
