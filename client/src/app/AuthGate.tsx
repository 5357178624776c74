import { useEffect, useRef, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../lib/trpc';
import { applyLocale } from '../i18n';
import { CurrentUserContext } from '../features/auth/currentUser';
import { SignInPage } from '../features/auth/SignInPage';
import { ErrorMessage, Loading } from '../components/QueryState';

/**
 * Shows the sign-in page until `auth.session` answers with a user, then the app in that user's
 * language. The session is a cookie, so a reload stays signed in.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const { i18n } = useTranslation();
  // `auth.session` answers null when signed out: no refused request on the way to sign-in.
  const me = useQuery({ ...trpc.auth.session.queryOptions(), staleTime: Infinity });
  const user = me.data;
  const localeAppliedFor = useRef<number | null>(null);

  // The user's saved language wins once, when they arrive (sign-in or reload); after that the
  // language menu rules.
  useEffect(() => {
    if (!user || localeAppliedFor.current === user.id) return;
    localeAppliedFor.current = user.id;
    if (user.locale !== i18n.language) void applyLocale(i18n, user.locale);
  }, [user, i18n]);

  if (me.isPending) return <Loading />;
  if (me.error) {
    return (
      <main className="centered">
        <ErrorMessage error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  if (!me.data) return <SignInPage />;
  return <CurrentUserContext.Provider value={me.data}>{children}</CurrentUserContext.Provider>;
}
