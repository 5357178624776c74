/** Placeholder until the feature lands. */
export function PlanPage() {
  return <div className="page" />;
}
