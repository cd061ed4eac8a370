/**
 * The export labels shared with the UI (quantities, qualifiers, changes) say the same
 * as the extension's locale files, in both languages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { words } from '../../lib/export/labels.ts';
import { QUANTITIES } from '../../lib/recognize/types';

const capital = (s: string) => s[0]!.toUpperCase() + s.slice(1);

describe('export labels', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`match the ${lang} locale file`, () => {
      const messages = JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Record<string, { message: string }>;
      const w = words(lang);
      for (const q of QUANTITIES) expect(w.quantity[q]).toBe(messages[`quantity${capital(q)}`]?.message);
      for (const [k, v] of Object.entries(w.qualifier)) expect(v).toBe(messages[`qualifier${capital(k)}`]?.message);
      for (const [k, v] of Object.entries(w.change)) expect(v).toBe(messages[`change${capital(k)}`]?.message);
    });
  }
});
