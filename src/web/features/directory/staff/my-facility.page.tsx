/** Placeholder while the page is built. */
export function MyFacilityPage() {
  return <h1>MyFacilityPage</h1>;
}
