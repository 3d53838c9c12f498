/** Placeholder while the page is built. */
export function FacilityPage() {
  return <h1>FacilityPage</h1>;
}
