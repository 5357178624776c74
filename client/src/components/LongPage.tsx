import {
  Children,
  createContext,
  startTransition,
  useContext,
  useDeferredValue,
  useEffect,
  useState,
  type ReactNode,
} from 'react';
import { flushSync } from 'react-dom';

// A long page (the territory dashboard: dozens of tables and charts) built without blocking the
// browser for seconds. Inside `LongPage`, sections are built one after the other and answers of
// queries are rendered in transitions, which React works on in short slices; charts are drawn when
// scrolled near (ChartPanel). Everything but the drawings is in the page a moment after load, for
// keyboard, screen readers and find-in-page; printing builds what is left at once.

const LongPageContext = createContext(false);

/** Whether this component renders inside a `LongPage`. */
export const useInLongPage = (): boolean => useContext(LongPageContext);

/** `value`, or on a long page its previous value until the new one is rendered in a transition. */
export function useSlicedValue<T>(value: T): T {
  const deferred = useDeferredValue(value);
  return useInLongPage() ? deferred : value;
}

/** Renders its children one after the other, each in a transition of its own. */
export function LongPage({ children }: { children: ReactNode }) {
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
  return <LongPageContext.Provider value>{parts.slice(0, shown)}</LongPageContext.Provider>;
}
