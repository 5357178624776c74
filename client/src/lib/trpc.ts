import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, isTRPCClientError, type TRPCLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { isRuleReason, type RuleReason } from '@jalon/shared';
import type { AppRouter } from '@jalon/server';

export type { RouterInputs, RouterOutputs } from '@jalon/server';

/** `useTRPC()` gives `trpc.x.y.queryOptions()` / `mutationOptions()` / `pathFilter()`. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type TrpcClient = ReturnType<typeof createTRPCClient<AppRouter>>;

/** The browser's client: batched HTTP to the same origin, the session cookie rides along. */
export function createBrowserTrpcClient(links?: TRPCLink<AppRouter>[]): TrpcClient {
  return createTRPCClient<AppRouter>({ links: links ?? [httpBatchLink({ url: '/trpc' })] });
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
