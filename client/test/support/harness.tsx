import { render, type RenderResult } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { createTRPCClient, unstable_localLink } from '@trpc/client';
import { pino } from 'pino';
import type { Locale } from '@jalon/shared';
import type { AppRouter } from '@jalon/server';
import { appRouter } from '../../../server/src/routers/_app';
import { createInnerContext } from '../../../server/src/context';
import { openSession, principalForToken } from '../../../server/src/auth/sessions';
import { buildWorld, type World, type WorldUser } from '../../../server/test/support/world';
import { Providers } from '../../src/app/Providers';
import { AuthGate } from '../../src/app/AuthGate';
import { AppRoutes } from '../../src/app/AppRoutes';
import { createQueryClient } from '../../src/lib/trpc';
import { initI18n } from '../../src/i18n';

export { WORLD_TODAY } from '../../../server/test/support/world';
export type { World, WorldUser };

const silentLog = pino({ level: 'silent' });

export interface AppHarness extends RenderResult {
  world: World;
}

/** Shows the router's query string, so a test can read what a view wrote in the address. */
function LocationProbe() {
  const location = useLocation();
  return (
    <output data-testid="location" hidden>
      {location.search}
    </output>
  );
}

/**
 * Renders the whole app at `route`, as `as` (signed in through a real session) or signed out,
 * against the API test world: a fresh in-memory SQLite database per call, the real router and
 * procedures, no HTTP. The clock is the world's "today". A fresh QueryClient, no retries.
 */
export async function renderApp(
  options: { as?: WorldUser | null; route?: string; locale?: Locale; world?: World } = {},
): Promise<AppHarness> {
  const world = options.world ?? (await buildWorld());
  const now = () => new Date(`${world.today}T12:00:00.000Z`);
  let token: string | null = null;
  if (options.as) token = (await openSession(world.db, world.users[options.as], now())).token;

  const trpcClient = createTRPCClient<AppRouter>({
    links: [
      unstable_localLink({
        router: appRouter,
        createContext: async () => {
          const session = token ? await principalForToken(world.db, token, now()) : null;
          return createInnerContext({
            db: world.db,
            log: silentLog,
            user: session?.principal ?? null,
            sessionId: session?.sessionId ?? null,
            now,
            cookies: {
              set: (next) => {
                token = next;
              },
              clear: () => {
                token = null;
              },
            },
          });
        },
      }),
    ],
  });
  const i18n = await initI18n(options.locale ?? 'fr');
  const result = render(
    <Providers
      queryClient={createQueryClient({ retry: false })}
      trpcClient={trpcClient}
      i18n={i18n}
    >
      <MemoryRouter initialEntries={[options.route ?? '/']}>
        <AuthGate>
          <AppRoutes />
        </AuthGate>
        <LocationProbe />
      </MemoryRouter>
    </Providers>,
  );
  return { ...result, world };
}
