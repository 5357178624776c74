/** Placeholder until the feature lands. */
export function ActionsPage() {
  return <div className="page" />;
}
