/**
 * File names: the suggested names of exports, and the names of the notes inside the
 * Markdown zip, which come from page titles and so must be made safe on every system
 * that may unpack them (Windows being the strictest).
 */
import { vietnamTime } from './cells.ts';

/** "trich-luc-ledger-2024-03-12.csv": ASCII, so every browser and shell keeps it as is. */
export function exportName(what: string, extension: string, now = Date.now()): string {
  const d = vietnamTime(now)!;
  const date = `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
  return `trich-luc-${what}-${date}.${extension}`;
}

// Reserved on Windows whatever the extension ("CON.md" cannot be created).
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Not allowed in Windows names, special in Obsidian links ([[…#…|…]], ^ blocks), or control characters.
const UNSAFE = /[\\/:*?"<>|#^[\]\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const MAX_NAME = 100;

/**
 * A file name (without extension) from any text: NFC (macOS would otherwise store a
 * decomposed name and Obsidian's links would miss it), unsafe characters replaced,
 * spaces collapsed, no leading or trailing dots or spaces, at most MAX_NAME code points,
 * never empty nor a reserved device name.
 */
export function safeName(text: string, fallback = 'untitled'): string {
  let name = text.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim();
  name = [...name].slice(0, MAX_NAME).join('');
  name = name.replace(/^[.\s]+|[.\s]+$/g, '');
  if (name === '') name = fallback;
  if (RESERVED.test(name)) name = `${name}_`;
  return name;
}

/** Makes names unique without regard to case (Windows and macOS file systems ignore case): "a", "a (2)", "a (3)". */
export function uniqueNames(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
    used.add(candidate.toLowerCase());
    return candidate;
  };
}
