import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '@jalon/shared';
import { useTRPC } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useErrorText } from '../../components/QueryState';
import { SignedOutCard } from './SignedOutCard';

/** The link's token, from the address's fragment (never sent to the server by the browser). */
const tokenOfLocation = () => window.location.hash.replace(/^#/, '');

/**
 * `/set-password#<token>`: the page of a one-time link. An invited user chooses their first
 * password, or a user whose password an administrator reset chooses a new one; then they sign in.
 */
export function SetPasswordPage() {
  const { t } = useTranslation('account');
  useDocumentTitle(t('link.title'));
  const trpc = useTRPC();
  const format = useFormat();
  const errorText = useErrorText();
  const [token] = useState(tokenOfLocation);
  const wellFormed = /^[A-Za-z0-9_-]{43}$/.test(token);
  const link = useQuery({
    ...trpc.auth.passwordLink.queryOptions({ token }),
    enabled: wellFormed,
    retry: false,
  });
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mistake, setMistake] = useState<'tooShort' | 'mismatch' | null>(null);
  const save = useMutation(trpc.auth.setPasswordWithLink.mutationOptions());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found =
      password.length < PASSWORD_MIN_LENGTH ? 'tooShort' : password !== again ? 'mismatch' : null;
    setMistake(found);
    if (!found) save.mutate({ token, password });
  };

  const gone = !wellFormed || link.isError;
  return (
    <SignedOutCard title={t('link.title')}>
      {save.isSuccess ? (
        <div role="status">
          <p>{t('link.done')}</p>
          <p>
            <a className="button button-primary" href="/">
              {t('link.signIn')}
            </a>
          </p>
        </div>
      ) : gone ? (
        <p role="alert" className="form-error">
          {t('link.gone')}
        </p>
      ) : link.data ? (
        <>
          <p className="muted">
            {t(link.data.purpose === 'invitation' ? 'link.invitation' : 'link.reset', {
              name: link.data.name,
              until: format.dateTime(link.data.expiresAt),
              min: PASSWORD_MIN_LENGTH,
            })}
          </p>
          <form onSubmit={submit} noValidate>
            {(mistake || save.error) && (
              <p className="form-error" role="alert" id="set-password-error">
                {mistake
                  ? t(`mistakes.${mistake}`, { min: PASSWORD_MIN_LENGTH })
                  : errorText(save.error)}
              </p>
            )}
            <div className="field">
              <label htmlFor="new-password">{t('password.next')}</label>
              <input
                id="new-password"
                type="password"
                autoComplete="new-password"
                value={password}
                maxLength={200}
                onChange={(e) => setPassword(e.target.value)}
                required
              />
            </div>
            <div className="field">
              <label htmlFor="new-password-again">{t('password.again')}</label>
              <input
                id="new-password-again"
                type="password"
                autoComplete="new-password"
                value={again}
                maxLength={200}
                onChange={(e) => setAgain(e.target.value)}
                required
              />
            </div>
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              {t('link.submit')}
            </button>
          </form>
        </>
      ) : (
        <p className="muted">{t('link.checking')}</p>
      )}
    </SignedOutCard>
  );
}
