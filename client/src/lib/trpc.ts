import { QueryClient } from '@tanstack/react-query';
import {
  createTRPCClient,
  httpBatchLink,
  httpLink,
  isTRPCClientError,
  splitLink,
  type TRPCLink,
} from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { isRuleReason, type RuleReason } from '@jalon/shared';
import type { AppRouter } from '@jalon/server';

export type { RouterInputs, RouterOutputs } from '@jalon/server';

/** `useTRPC()` gives `trpc.x.y.queryOptions()` / `mutationOptions()` / `pathFilter()`. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type TrpcClient = ReturnType<typeof createTRPCClient<AppRouter>>;

/** At most as many calls per batch as the server takes (MAX_BATCH_CALLS in server/src/requestLimits.ts). */
const MAX_BATCH_CALLS = 25;
/** Well under the longest URL the server takes (MAX_URL_LENGTH, 8,192). */
const MAX_URL_LENGTH = 4_000;

/**
 * The browser's client: batched HTTP to the same origin, the session cookie rides along. Sign-in
 * calls (`auth.*`) go one per request: the server refuses them in a batch, so that each attempt
 * is counted on its own.
 */
export function createBrowserTrpcClient(links?: TRPCLink<AppRouter>[]): TrpcClient {
  return createTRPCClient<AppRouter>({
    links: links ?? [
      splitLink({
        condition: (op) => op.path.startsWith('auth.'),
        true: httpLink({ url: '/trpc' }),
        false: httpBatchLink({
          url: '/trpc',
          maxItems: MAX_BATCH_CALLS,
          maxURLLength: MAX_URL_LENGTH,
        }),
      }),
    ],
  });
}

/** The tRPC error code of a failed call (`UNAUTHORIZED`, `CONFLICT`, ...), or null. */
export function errorCode(error: unknown): string | null {
  return isTRPCClientError<AppRouter>(error) ? (error.data?.code ?? null) : null;
}

/** The per-field messages the server's zod validation returned, if any. */
export function fieldErrors(error: unknown): Record<string, string[] | undefined> {
  return isTRPCClientError<AppRouter>(error) ? (error.data?.fieldErrors ?? {}) : {};
}

/** The domain rule a refused call broke (`stage_order`, `measurement_in_future`, ...), or null. */
export function errorReason(error: unknown): RuleReason | null {
  const reason = isTRPCClientError<AppRouter>(error) ? error.data?.reason : null;
  return isRuleReason(reason) ? reason : null;
}

/** A refused sign-in's limit: the account's (locked) or the address's (slowed), and until when. */
export function signInThrottleOf(
  error: unknown,
): { scope: 'account' | 'address'; until: string } | null {
  return isTRPCClientError<AppRouter>(error) ? (error.data?.signInThrottle ?? null) : null;
}

/** The request id the server logged an unexpected error under, to quote to support. */
export function requestIdOf(error: unknown): string | null {
  return isTRPCClientError<AppRouter>(error) ? (error.data?.requestId ?? null) : null;
}

export function createQueryClient(options: { retry?: boolean } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A refusal or a missing record will not change on retry; a network blip might.
        retry: options.retry === false ? false : (count, error) => count < 2 && !errorCode(error),
      },
      mutations: { retry: false },
    },
  });
}
