/** Placeholder while the page is built. */
export function PrintPage() {
  return <h1>PrintPage</h1>;
}
