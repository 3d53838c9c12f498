import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets `<title>` to "page｜site" so every route has its own title (WCAG 2.4.2). */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const suffix = t('site.titleSuffix');
  useEffect(() => {
    document.title = title ? `${title}｜${suffix}` : suffix;
  }, [title, suffix]);
}

/**
 * The page's one h1, which also names the document. It takes focus after a client-side
 * navigation (see the shell), so screen readers announce the new page.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  useDocumentTitle(title);
  return (
    <h1 tabIndex={-1} data-page-heading="">
      {children ?? title}
    </h1>
  );
}
