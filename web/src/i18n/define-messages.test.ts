import { describe, expect, it } from 'vitest';
import { moduleMessages } from './create-app-i18n';
import { mergeMessages } from './define-messages';
import { en } from './messages/en';
import { vi } from './messages/vi';

/** Every key path of a message tree, sorted. */
function keyPaths(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree)
    .flatMap(([key, value]) => keyPaths(value, prefix ? `${prefix}.${key}` : key))
    .sort();
}

describe('module messages', () => {
  it('English has exactly the Vietnamese keys in every module, with no empty string', () => {
    for (const set of moduleMessages) {
      expect(keyPaths(set.en)).toEqual(keyPaths(set.vi));
      for (const locale of [set.vi, set.en]) {
        expect(JSON.stringify(locale)).not.toContain('""');
      }
    }
  });

  it('no module claims a namespace the core or another module already has', () => {
    expect(() => mergeMessages(vi, moduleMessages.map((set) => set.vi))).not.toThrow();
    expect(() => mergeMessages(en, moduleMessages.map((set) => set.en))).not.toThrow();
    expect(() => mergeMessages({ a: 1 }, [{ a: 2 }])).toThrow(/twice/);
  });
});
