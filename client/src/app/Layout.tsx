import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../lib/trpc';
import { hasOwnWork, useCurrentUser } from '../features/auth/currentUser';
import { Loading } from '../components/QueryState';
import { meetingPaths } from '../features/meetings/paths';
import { adminPaths } from '../features/admin/paths';
import { managedTerritoryIds } from '@jalon/shared';
import { LanguageSwitch } from './LanguageSwitch';

export function Layout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const signOut = useMutation(
    trpc.auth.logout.mutationOptions({
      // Forget everything the previous user could see, then land on the sign-in page (through
      // the provider's sign-out for a session opened with ProConnect).
      onSettled: (result) => {
        queryClient.clear();
        window.location.assign(result?.redirectTo ?? '/');
      },
    }),
  );

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header no-print">
        <NavLink to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            J
          </span>
          {t('appName')}
        </NavLink>
        <nav aria-label={t('nav.label')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            {hasOwnWork(user) && (
              <li>
                <NavLink to="/my-actions">{t('nav.myActions')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/actions">{t('nav.actions')}</NavLink>
            </li>
            <li>
              <NavLink to={meetingPaths.list()}>{t('nav.meetings')}</NavLink>
            </li>
            <li>
              <NavLink to={meetingPaths.decisions()}>{t('nav.decisions')}</NavLink>
            </li>
            {(user.globalRole === 'admin' || managedTerritoryIds(user).length > 0) && (
              <li>
                <NavLink to={adminPaths.home()}>{t('nav.administration')}</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="header-tools">
          <LanguageSwitch signedIn />
          <NavLink to="/account" className="user-name">
            {t('user.signedInAs', { name: user.name })}
          </NavLink>
          <button
            type="button"
            className="button button-quiet"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate()}
          >
            {t('user.signOut')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
