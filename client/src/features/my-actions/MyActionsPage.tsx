/** Placeholder until the feature lands. */
export function MyActionsPage() {
  return <div className="page" />;
}
