import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const load = (locale: string) => JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Messages;
const vi = load('vi');
const en = load('en');

/** Every quoted message name in the library's sources. */
function namesUsed(): Set<string> {
  const names = new Set<string>();
  for (const dir of ['components/library', 'lib/library', 'entrypoints/library']) {
    for (const file of readdirSync(dir)) {
      if (!/\.tsx?$/.test(file)) continue;
      const text = readFileSync(join(dir, file), 'utf8');
      for (const m of text.matchAll(/'((?:library|field|meta|card|quantity|qualifier)[A-Z][A-Za-z]*|extName)'/g)) names.add(m[1]!);
    }
  }
  return names;
}

describe('the library speaks Vietnamese and English', () => {
  it('has every message it uses in both locale files, never empty', () => {
    const used = namesUsed();
    expect(used.size).toBeGreaterThan(60);
    for (const name of used) {
      expect(vi[name]?.message, `vi ${name}`).toBeTruthy();
      expect(en[name]?.message, `en ${name}`).toBeTruthy();
    }
  });

  it('has the same library messages and placeholders in both', () => {
    const keys = (m: Messages) => Object.keys(m).filter((k) => k.startsWith('library')).sort();
    expect(keys(vi)).toEqual(keys(en));
    for (const k of keys(vi)) {
      expect(Object.keys(vi[k]!.placeholders ?? {}).sort(), k).toEqual(Object.keys(en[k]!.placeholders ?? {}).sort());
      for (const name of Object.keys(vi[k]!.placeholders ?? {})) {
        expect(vi[k]!.message, k).toContain(`$${name.toUpperCase()}$`);
        expect(en[k]!.message, k).toContain(`$${name.toUpperCase()}$`);
      }
    }
  });

  it('puts no markup in a message (they are shown as text)', () => {
    for (const m of [vi, en]) for (const [k, v] of Object.entries(m)) if (k.startsWith('library')) expect(v.message, k).not.toMatch(/<[a-z/]/i);
  });
});
