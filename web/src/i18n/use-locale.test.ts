import { describe, expect, it } from 'vitest';
import { createAppI18n } from './create-app-i18n';
import { bindLocale, LOCALE_STORAGE_KEY, type LocaleStorage } from './use-locale';

function memoryStorage(initial: Record<string, string> = {}): LocaleStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

const root = () => ({ lang: '' }) as HTMLElement;

describe('bindLocale', () => {
  it('speaks Vietnamese to a first-time visitor', () => {
    const i18n = createAppI18n();
    const html = root();
    const { locale } = bindLocale(i18n, memoryStorage(), html);
    expect(locale.value).toBe('vi');
    expect(html.lang).toBe('vi');
    expect(i18n.global.t('committees.cells')).toBe('Chi bộ trực thuộc');
  });

  it('remembers English across visits', () => {
    const storage = memoryStorage();
    const first = bindLocale(createAppI18n(), storage, root());
    first.setLocale('en');
    expect(storage.data.get(LOCALE_STORAGE_KEY)).toBe('en');

    const i18n = createAppI18n();
    const html = root();
    const next = bindLocale(i18n, storage, html);
    expect(next.locale.value).toBe('en');
    expect(html.lang).toBe('en');
    expect(i18n.global.t('committees.cells')).toBe('Cells');
    expect(i18n.global.t('cellKind.VILLAGE')).toBe('Village');
  });

  it('switches the texts at once and back again', () => {
    const i18n = createAppI18n();
    const html = root();
    const { setLocale, locale } = bindLocale(i18n, memoryStorage(), html);
    setLocale('en');
    expect(i18n.global.t('committees.cellCount', 11)).toBe('11 cells');
    setLocale('vi');
    expect(locale.value).toBe('vi');
    expect(html.lang).toBe('vi');
    expect(i18n.global.t('committees.cellCount', 11)).toBe('11 chi bộ');
  });

  it('ignores a saved value that is not a supported language', () => {
    const { locale } = bindLocale(createAppI18n(), memoryStorage({ [LOCALE_STORAGE_KEY]: 'fr' }), root());
    expect(locale.value).toBe('vi');
  });

  it('still switches when the browser refuses to store anything', () => {
    const blocked: LocaleStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    const i18n = createAppI18n();
    const { locale, setLocale } = bindLocale(i18n, blocked, root());
    expect(locale.value).toBe('vi');
    setLocale('en');
    expect(locale.value).toBe('en');
    expect(i18n.global.t('nav.committees')).toBe('Party organisation');
  });
});
