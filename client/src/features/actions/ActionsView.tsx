/**
 * The actions table with its filters, embeddable: the Actions page shows it for everything the
 * user may read, the plan page with `fixed={{ planId }}`. Filters live in the URL when
 * `urlState` is true (the default).
 */
export interface ActionsViewProps {
  /** Filters the view always applies and does not offer to change. */
  fixed?: { territoryId?: number; planId?: number };
  urlState?: boolean;
}

/** Placeholder until the actions table lands. */
export function ActionsView(_props: ActionsViewProps) {
  return null;
}
