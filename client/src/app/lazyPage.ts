import { lazy, type ComponentType } from 'react';

/** A route's page as its own chunk, from a module's named export (STYLE rule 14). */
export function lazyPage<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  name: keyof M & string,
) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

export interface FeatureRoute {
  path: string;
  element: React.ReactNode;
  /** A full-screen page (meeting mode): rendered without the app's header and navigation. */
  bare?: boolean;
}
