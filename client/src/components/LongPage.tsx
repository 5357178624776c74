import { Children, startTransition, useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

/**
 * Renders its children one after the other, each in a transition of its own: React works on a
 * transition in short slices, so a long page no longer blocks the browser in one piece, and what
 * comes before (the first screen) shows before the rest is built. All of them are in the page a moment later, for
 * keyboard, screen readers and find-in-page; printing renders the rest at once.
 */
export function InTurn({ children }: { children: ReactNode }) {
  const parts = Children.toArray(children);
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown >= parts.length) return;
    startTransition(() => setShown((n) => n + 1));
  }, [shown, parts.length]);
  useEffect(() => {
    const showAll = () => flushSync(() => setShown(Number.POSITIVE_INFINITY));
    window.addEventListener('beforeprint', showAll);
    return () => window.removeEventListener('beforeprint', showAll);
  }, []);
  return parts.slice(0, shown);
}
