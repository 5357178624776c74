import { useState, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { TRPCProvider, type TrpcClient } from '../lib/trpc';

/** Everything a screen needs around it; tests pass their own clients. */
export function Providers({
  queryClient,
  trpcClient,
  i18n,
  children,
}: {
  queryClient: QueryClient;
  trpcClient: TrpcClient;
  i18n: I18n;
  children: ReactNode;
}) {
  // The clients are created once per app (or test) and never swapped during its life.
  const [clients] = useState({ queryClient, trpcClient });
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={clients.queryClient}>
        <TRPCProvider trpcClient={clients.trpcClient} queryClient={clients.queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
