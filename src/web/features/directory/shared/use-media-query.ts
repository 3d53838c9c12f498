import { useSyncExternalStore } from 'react';

/** True while the media query matches (e.g. a desktop-wide window); follows resizes and rotation. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** The width at which list and map sit side by side (1024px at the default text size). */
export const WIDE_QUERY = '(min-width: 64em)';

/**
 * A touch screen as the main pointer: its words say タップ, not クリック (a resident on a phone
 * never clicks). Checked per device, so a laptop with a touch screen and a mouse still says クリック.
 */
export const TOUCH_QUERY = '(pointer: coarse)';
