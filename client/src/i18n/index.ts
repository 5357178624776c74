import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '@jalon/shared';
import type { Messages } from './types';
import { fr } from './locales/fr';

export const NAMESPACES = Object.keys(fr) as (keyof typeof fr)[];

/**
 * French ships with the app (the default language, and the one most users read); English and
 * German are separate chunks, loaded when someone chooses them, so the first download stays small.
 */
const CATALOGUES: Record<Locale, () => Promise<Messages<typeof fr>>> = {
  fr: () => Promise.resolve(fr),
  en: async () => (await import('./locales/en')).en,
  de: async () => (await import('./locales/de')).de,
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof fr;
  }
}

const STORAGE_KEY = 'jalon.locale';

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/**
 * The language before anyone signs in: the last one chosen on this browser, else the browser's
 * own if Jalon speaks it, else French. Once signed in, the user's saved language wins.
 */
export function initialLocale(): Locale {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  const browser = globalThis.navigator?.language.slice(0, 2);
  return isLocale(browser) ? browser : 'fr';
}

export async function initI18n(locale: Locale = initialLocale()) {
  const instance = i18next.createInstance();
  const messages = await CATALOGUES[locale]();
  await instance.use(initReactI18next).init({
    resources: { fr, [locale]: messages },
    lng: locale,
    fallbackLng: 'fr',
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = locale;
  return instance;
}

/** Switches the UI language, remembers it on this browser and sets `<html lang>`. */
export async function applyLocale(instance: typeof i18next, locale: Locale): Promise<void> {
  if (!instance.hasResourceBundle(locale, 'common')) {
    const messages = await CATALOGUES[locale]();
    for (const namespace of NAMESPACES) {
      instance.addResourceBundle(locale, namespace, messages[namespace]);
    }
  }
  await instance.changeLanguage(locale);
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}
