import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { ReactNode } from 'react';
import { OUTSIDE_DATE_WINDOW } from '@jalon/shared';
import { initI18n } from '../src/i18n';
import { useValidationText } from '../src/lib/validationText';

/** `useValidationText` as a person reading `locale` gets it. */
async function validationTextIn(locale: 'fr' | 'en' | 'de') {
  const i18n = await initI18n(locale);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
  );
  return renderHook(() => useValidationText(), { wrapper }).result.current;
}

describe('the server’s English validation messages in the user’s words', () => {
  it('says the programme’s date window, lengths, rules and anything else in French', async () => {
    const text = await validationTextIn('fr');
    expect(text(OUTSIDE_DATE_WINDOW)).toBe(
      'Saisissez une date comprise entre le 1 janv. 2018 et le 31 déc. 2035.',
    );
    expect(text('Too big: expected string to have <=4000 characters')).toBe(
      'Ce texte est trop long.',
    );
    expect(text('Too small: expected string to have >=1 characters')).toBe('Champ obligatoire.');
    expect(text('This status needs a comment')).toBe(
      'Ce statut doit être justifié par un commentaire.',
    );
    // Nothing English gets through, whatever the server says.
    expect(text('Some message no catalogue knows')).toBe('Valeur non valide.');
    expect(text(undefined)).toBeUndefined();
  });

  it('says the date window in English and German with their own date formats', async () => {
    expect((await validationTextIn('en'))(OUTSIDE_DATE_WINDOW)).toMatch(
      /^Enter a date between .*2018 and .*2035\.$/,
    );
    expect((await validationTextIn('de'))(OUTSIDE_DATE_WINDOW)).toMatch(
      /^Geben Sie ein Datum zwischen dem 01\.01\.2018 und dem 31\.12\.2035 ein\.$/,
    );
  });
});
