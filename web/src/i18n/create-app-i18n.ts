import { createI18n } from 'vue-i18n';
import type { ModuleMessages } from './define-messages';
import { mergeMessages } from './define-messages';
import { en } from './messages/en';
import { vi, type Messages } from './messages/vi';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

// Each feature module keeps its strings beside it in `<module>.messages.ts` (export `messages`).
const moduleFiles = import.meta.glob<{ messages: ModuleMessages }>('../modules/*/*.messages.ts', { eager: true });
export const moduleMessages: ModuleMessages[] = Object.values(moduleFiles).map((file) => file.messages);

/** The app's one i18n instance (composition API); Vietnamese first, and the fallback for any missing key. */
export function createAppI18n(locale: Locale = DEFAULT_LOCALE) {
  return createI18n<[Messages], Locale, false>({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: {
      vi: mergeMessages(vi, moduleMessages.map((set) => set.vi)) as Messages,
      en: mergeMessages(en, moduleMessages.map((set) => set.en)) as Messages,
    },
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;
