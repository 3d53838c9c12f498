/** Placeholder while the page is built. */
export function ConfirmPage() {
  return <h1>ConfirmPage</h1>;
}
