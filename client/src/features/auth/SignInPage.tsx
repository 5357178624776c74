import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorCode, signInThrottleOf, useTRPC } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { useErrorText } from '../../components/QueryState';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { SignedOutCard } from './SignedOutCard';

export function SignInPage() {
  const { t } = useTranslation('auth');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const format = useFormat();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  useDocumentTitle(t('title'));

  // ProConnect when the deployment offers it; the password form always.
  const options = useQuery(trpc.auth.signInOptions.queryOptions());
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (user) => queryClient.setQueryData(trpc.auth.session.queryKey(), user),
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ready = email.trim() !== '' && password !== '';
    setMissing(!ready);
    if (ready) login.mutate({ email: email.trim(), password });
  };

  const code = errorCode(login.error);
  const throttle = signInThrottleOf(login.error);
  const problem = missing
    ? t('missing')
    : code === 'UNAUTHORIZED'
      ? t('badCredentials')
      : throttle
        ? t(throttle.scope === 'account' ? 'locked' : 'slowed', {
            time: format.dateTime(throttle.until),
          })
        : code === 'TOO_MANY_REQUESTS'
          ? t('busy')
          : login.error
            ? errorText(login.error)
            : null;

  return (
    <SignedOutCard title={t('title')}>
      <p className="muted">{t('intro')}</p>
      {options.data?.oidc && (
        <>
          <p>
            <a className="button button-primary proconnect-button" href="/auth/oidc/login">
              {t('proConnect')}
            </a>
          </p>
          <p className="muted">{t('or')}</p>
        </>
      )}
      <form onSubmit={submit} noValidate>
        {problem && (
          <p className="form-error" role="alert" id="sign-in-error">
            {problem}
          </p>
        )}
        <div className="field">
          <label htmlFor="email">{t('email')}</label>
          <input
            id="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'sign-in-error' : undefined}
            required
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t('password')}</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={problem !== null}
            aria-describedby={problem ? 'sign-in-error' : undefined}
            required
          />
        </div>
        <button type="submit" className="button button-primary" disabled={login.isPending}>
          {login.isPending ? t('submitting') : t('submit')}
        </button>
      </form>
    </SignedOutCard>
  );
}
