/** Placeholder until the feature lands. */
export function TerritoryPage() {
  return <div className="page" />;
}
