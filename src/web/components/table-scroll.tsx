import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A wide table's horizontal scroller. It is a focusable, named region so keyboard users can
 * scroll it on a phone (WCAG 2.1.1; axe `scrollable-region-focusable`). Its name says it is the
 * table, so it differs from the section around it that a heading of the same words names (two
 * regions of one name are axe's `landmark-unique`).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-wrap" aria-label={t('tableRegion', { label })} tabIndex={0}>
      {children}
    </section>
  );
}
