/** Placeholder while the page is built. */
export function ReviewQueuePage() {
  return <h1>ReviewQueuePage</h1>;
}
