import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '@jalon/shared';
import { signInThrottleOf, useTRPC } from '../../lib/trpc';
import { useFormat } from '../../lib/format';
import { useErrorText } from '../../components/QueryState';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useCurrentUser } from '../auth/currentUser';
import { MailPreferences } from './MailPreferences';
import './account.css';

/** `/account`: who is signed in, changing one's own password, and which mails one wants. */
export function AccountPage() {
  const { t } = useTranslation('account');
  const { t: ta } = useTranslation('auth');
  useDocumentTitle(t('title'));
  const user = useCurrentUser();
  const trpc = useTRPC();
  const errorText = useErrorText();
  const format = useFormat();
  const ids = { current: useId(), next: useId(), again: useId(), error: useId() };
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [mistake, setMistake] = useState<'missing' | 'tooShort' | 'mismatch' | 'same' | null>(null);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        setCurrent('');
        setNext('');
        setAgain('');
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.reset();
    const found =
      current === '' || next === ''
        ? 'missing'
        : next.length < PASSWORD_MIN_LENGTH
          ? 'tooShort'
          : next !== again
            ? 'mismatch'
            : next === current
              ? 'same'
              : null;
    setMistake(found);
    if (!found) change.mutate({ currentPassword: current, newPassword: next });
  };

  const throttle = signInThrottleOf(change.error);
  const problem = mistake
    ? t(`mistakes.${mistake}`, { min: PASSWORD_MIN_LENGTH })
    : throttle
      ? ta(throttle.scope === 'account' ? 'locked' : 'slowed', {
          time: format.dateTime(throttle.until),
        })
      : change.error
        ? errorText(change.error)
        : null;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('signedInAs', { name: user.name, email: user.email })}</p>
        </div>
      </header>
      <section className="panel" aria-labelledby="password-heading">
        <h2 id="password-heading">{t('password.heading')}</h2>
        <p className="muted">{t('password.intro', { min: PASSWORD_MIN_LENGTH })}</p>
        <form onSubmit={submit} noValidate className="account-form">
          {problem && (
            <p className="form-error" role="alert" id={ids.error}>
              {problem}
            </p>
          )}
          {change.isSuccess && (
            <p className="form-success" role="status">
              {t('password.done', { count: change.data.otherSessionsEnded })}
            </p>
          )}
          {(
            [
              ['current', current, setCurrent, 'current-password'],
              ['next', next, setNext, 'new-password'],
              ['again', again, setAgain, 'new-password'],
            ] as const
          ).map(([key, value, set, autoComplete]) => (
            <div className="field" key={key}>
              <label htmlFor={ids[key]}>{t(`password.${key}`)}</label>
              <input
                id={ids[key]}
                type="password"
                autoComplete={autoComplete}
                value={value}
                onChange={(e) => set(e.target.value)}
                aria-invalid={problem !== null}
                aria-describedby={problem ? ids.error : undefined}
                maxLength={200}
                required
              />
            </div>
          ))}
          <button type="submit" className="button button-primary" disabled={change.isPending}>
            {t('password.submit')}
          </button>
        </form>
      </section>
      <MailPreferences />
    </div>
  );
}
