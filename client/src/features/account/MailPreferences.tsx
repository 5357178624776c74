import { useId } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import { QueryState, useErrorText } from '../../components/QueryState';

const CHOICES = ['mailUpdateRequests', 'mailReminders'] as const;

/** The optional mails the user wants; convocations and minutes always go to members. */
export function MailPreferences() {
  const { t } = useTranslation('account');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const headingId = useId();
  const preferences = useQuery(trpc.mail.preferences.queryOptions());
  const save = useMutation(
    trpc.mail.setPreferences.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.mail.preferences.queryKey(), saved),
    }),
  );

  return (
    <section className="panel" aria-labelledby={headingId} id="mail">
      <h2 id={headingId}>{t('mail.heading')}</h2>
      <p className="muted">{t('mail.intro')}</p>
      <QueryState query={preferences}>
        {(current) => (
          <fieldset className="account-form account-choices" disabled={save.isPending}>
            <legend className="visually-hidden">{t('mail.heading')}</legend>
            {CHOICES.map((choice) => (
              <label className="account-check" key={choice}>
                <input
                  type="checkbox"
                  checked={current[choice]}
                  onChange={(e) => save.mutate({ ...current, [choice]: e.target.checked })}
                />
                {t(`mail.${choice}`)}
              </label>
            ))}
            {save.isSuccess && (
              <p className="form-success" role="status">
                {t('mail.saved')}
              </p>
            )}
            {save.error && (
              <p className="form-error" role="alert">
                {errorText(save.error)}
              </p>
            )}
          </fieldset>
        )}
      </QueryState>
    </section>
  );
}
