/** Placeholder while the page is built. */
export function ReviewRequestPage() {
  return <h1>ReviewRequestPage</h1>;
}
