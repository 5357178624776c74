import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Providers } from './app/Providers';
import { AuthGate } from './app/AuthGate';
import { AppRoutes } from './app/AppRoutes';
import { lazyPage } from './app/lazyPage';
import { Loading } from './components/QueryState';
import { createBrowserTrpcClient, createQueryClient } from './lib/trpc';
import { initI18n } from './i18n';
import './styles.css';

// The page of a one-time link, for someone who cannot sign in yet: outside the sign-in gate.
const SetPasswordPage = lazyPage(
  () => import('./features/auth/SetPasswordPage'),
  'SetPasswordPage',
);

async function start() {
  const i18n = await initI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <Providers
        queryClient={createQueryClient()}
        trpcClient={createBrowserTrpcClient()}
        i18n={i18n}
      >
        <BrowserRouter>
          <Routes>
            <Route
              path="/set-password"
              element={
                <Suspense fallback={<Loading />}>
                  <SetPasswordPage />
                </Suspense>
              }
            />
            <Route
              path="*"
              element={
                <AuthGate>
                  <AppRoutes />
                </AuthGate>
              }
            />
          </Routes>
        </BrowserRouter>
      </Providers>
    </StrictMode>,
  );
}

void start();
