import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { Providers } from './app/Providers';
import { AuthGate } from './app/AuthGate';
import { AppRoutes } from './app/AppRoutes';
import { createBrowserTrpcClient, createQueryClient } from './lib/trpc';
import { initI18n } from './i18n';
import './styles.css';

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
          <AuthGate>
            <AppRoutes />
          </AuthGate>
        </BrowserRouter>
      </Providers>
    </StrictMode>,
  );
}

void start();
