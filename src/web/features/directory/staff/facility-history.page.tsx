/** Placeholder while the page is built. */
export function FacilityHistoryPage() {
  return <h1>FacilityHistoryPage</h1>;
}
