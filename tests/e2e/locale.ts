import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const LOCALES = ['vi', 'en'] as const;

function load(locale: string): Messages {
  const file = fileURLToPath(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

const MESSAGES = LOCALES.map(load);

/** Formats a message like `i18n.getMessage`: $NAME$ → its placeholder's $n → substitution n. */
function format(messages: Messages, name: string, substitutions: readonly string[]): string {
  const entry = messages[name];
  if (!entry) throw new Error(`no message ${name}`);
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, placeholder: string) => {
    const content = entry.placeholders?.[placeholder.toLowerCase()]?.content ?? whole;
    return content.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  });
}

/**
 * A message in each shipped locale. The browsers' UI language decides which
 * one the extension shows (Debian's Firefox ESR has only English), so tests
 * accept any of them, which still checks that the text comes from the locales.
 */
export function inAnyLocale(name: string, substitutions: readonly string[] = []): string[] {
  return [...new Set(MESSAGES.map((messages) => format(messages, name, substitutions)))];
}
