import { createI18n } from 'vue-i18n';
import { en } from './messages/en';
import { vi, type Messages } from './messages/vi';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The app's one i18n instance (composition API); Vietnamese first, and the fallback for any missing key. */
export function createAppI18n(locale: Locale = DEFAULT_LOCALE) {
  return createI18n<[Messages], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: { vi, en },
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
