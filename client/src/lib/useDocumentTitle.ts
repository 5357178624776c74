import { useEffect } from 'react';

/** Names the browser tab (and what a screen reader announces on navigation) after the page. */
export function useDocumentTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Jalon` : 'Jalon';
  }, [title]);
}
