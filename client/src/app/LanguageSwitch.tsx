import { useId } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '@jalon/shared';
import { applyLocale, isLocale } from '../i18n';
import { useTRPC } from '../lib/trpc';

/** The language menu; signed in, the choice is saved on the user so it follows them. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const id = useId();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.auth.setLocale.mutationOptions());
  return (
    <span className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(e) => {
          const locale = e.target.value;
          if (!isLocale(locale)) return;
          void applyLocale(i18n, locale);
          if (!signedIn) return;
          // The session carries the user's language, which the app applies on load: keep it in
          // step, then save it for the next visit.
          queryClient.setQueryData(trpc.auth.session.queryKey(), (user) =>
            user ? { ...user, locale } : user,
          );
          save.mutate({ locale });
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`language.${locale}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
