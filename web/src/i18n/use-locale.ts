import { computed, inject, type ComputedRef, type InjectionKey } from 'vue';
import { DEFAULT_LOCALE, isLocale, type AppI18n, type Locale } from './create-app-i18n';

export const LOCALE_STORAGE_KEY = 'gan-bo.locale';

/** The part of `Storage` the locale needs; injectable so tests and private browsing can stand in. */
export type LocaleStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface LocaleController {
  locale: ComputedRef<Locale>;
  setLocale: (locale: Locale) => void;
}

export const localeKey: InjectionKey<LocaleController> = Symbol('locale');

/** The saved choice, or Vietnamese when nothing valid was saved or storage is unavailable. */
export function storedLocale(storage: LocaleStorage | null | undefined): Locale {
  try {
    const value = storage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * Applies the saved locale to the i18n instance and returns the switch that changes it,
 * saves it and keeps `<html lang>` right for screen readers and hyphenation.
 */
export function bindLocale(i18n: AppI18n, storage: LocaleStorage | null | undefined, root?: HTMLElement): LocaleController {
  const apply = (locale: Locale) => {
    i18n.global.locale.value = locale;
    if (root) root.lang = locale;
  };
  apply(storedLocale(storage));
  return {
    locale: computed(() => i18n.global.locale.value),
    setLocale(locale) {
      apply(locale);
      try {
        storage?.setItem(LOCALE_STORAGE_KEY, locale);
      } catch {
        // Storage can be full or disabled (private browsing): the switch still works for this visit.
      }
    },
  };
}

export function useLocale(): LocaleController {
  const controller = inject(localeKey);
  if (!controller) throw new Error('useLocale() needs bindLocale() provided under localeKey');
  return controller;
}
