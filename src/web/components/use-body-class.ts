import { useEffect } from 'react';

/**
 * Marks `<body>` with `className` while the calling page is shown. Print styles use it to give a
 * page its own named `@page` (size, margins): a stylesheet once loaded stays loaded in this
 * single-page app, so a global `@page` from one page would otherwise print every later page too.
 */
export function useBodyClass(className: string): void {
  useEffect(() => {
    document.body.classList.add(className);
    return () => document.body.classList.remove(className);
  }, [className]);
}
