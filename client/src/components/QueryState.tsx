import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode, errorReason, requestIdOf } from '../lib/trpc';
import { useSlicedValue } from './LongPage';

/**
 * The sentence a person reads for a failed call: the rule it broke, else by error code, with the
 * support reference.
 */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const { t: tr } = useTranslation('rules');
  return (error) => {
    const reason = errorReason(error);
    if (reason !== null) return tr(reason);
    const code = errorCode(error);
    switch (code) {
      case 'UNAUTHORIZED':
      case 'FORBIDDEN':
      case 'NOT_FOUND':
      case 'CONFLICT':
      case 'BAD_REQUEST':
      case 'TOO_MANY_REQUESTS':
        return t(`errors.${code}`);
      case null:
        return t('errors.network');
      default: {
        const id = requestIdOf(error);
        return id
          ? `${t('errors.unexpected')} ${t('errors.requestId', { id })}`
          : t('errors.unexpected');
      }
    }
  };
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('state.loading')}
    </div>
  );
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const text = useErrorText();
  return (
    <div className="state state-error" role="alert">
      <p>{text(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('state.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return <p className="state state-empty">{children ?? t('state.empty')}</p>;
}

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/**
 * Renders a query's three states: loading, error (with a retry) and data. `isEmpty` decides when
 * the data deserves the empty message instead.
 */
export function QueryState<T>({
  query,
  children,
  isEmpty,
  empty,
  loadingLabel,
}: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  loadingLabel?: string;
}) {
  // On a long page the answer is rendered in a transition, in slices (LongPage).
  const data = useSlicedValue(query.data);
  const arriving = data === undefined && query.data !== undefined;
  if (query.isPending || arriving) {
    return <Loading {...(loadingLabel ? { label: loadingLabel } : {})} />;
  }
  if (query.error || data === undefined) {
    return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (isEmpty?.(data)) return <Empty>{empty}</Empty>;
  return <>{children(data)}</>;
}
