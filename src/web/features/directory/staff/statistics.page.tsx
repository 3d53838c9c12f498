/** Placeholder while the page is built. */
export function StatisticsPage() {
  return <h1>StatisticsPage</h1>;
}
