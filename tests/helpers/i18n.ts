import { readFileSync } from 'node:fs';
import type { Translate } from '@/lib/i18n';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

function load(locale: 'vi' | 'en'): Messages {
  return JSON.parse(readFileSync(`public/_locales/${locale}/messages.json`, 'utf8')) as Messages;
}

/**
 * `i18n.getMessage` over a shipped locale file, for tests (the fake browser has no
 * i18n): $NAME$ → its placeholder's $n → substitution n. Unknown names give "".
 */
export function messagesOf(locale: 'vi' | 'en'): Translate {
  const messages = load(locale);
  return ((name: string, substitutions?: string | string[]) => {
    const entry = messages[name];
    if (!entry) return '';
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return entry.message.replace(/\$(\w+)\$/g, (_, key: string) =>
      (entry.placeholders?.[key.toLowerCase()]?.content ?? '').replace(/\$(\d)/g, (__, n: string) => subs[Number(n) - 1] ?? ''),
    );
  }) as Translate;
}
