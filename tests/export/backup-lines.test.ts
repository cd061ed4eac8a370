/**
 * The backup writer's fast path (lib/export/backup.ts `jsonLines`: one JSON.stringify per
 * chunk, broken into lines afterwards) must give exactly the text of stringifying each
 * record and joining the lines, whatever the records hold: the break's own text inside
 * strings, nested objects that start like a record, an empty list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBackupClipping, toBackupPage } from '../../lib/backup/format.ts';
import { exportBackup, jsonLines } from '../../lib/export/backup.ts';
import { seededArchive } from './helpers.ts';

const slow = (records: readonly object[]) => records.map((r) => JSON.stringify(r)).join(',\n');

describe('jsonLines', () => {
  it('is the records stringified one by one and joined by ",\\n"', () => {
    const tricky = [
      { schemaVersion: 1, quote: '},{"schemaVersion":2} and },\n{"schemaVersion":' },
      { schemaVersion: 1, entities: [{ schemaVersion: 9 }, { schemaVersion: 10 }] },
      { schemaVersion: 1, note: '\u2028\u0000"\\' },
    ];
    expect(jsonLines(tricky)).toBe(slow(tricky));
    expect(jsonLines([])).toBe('');
    expect(jsonLines([tricky[1]!])).toBe(slow([tricky[1]!]));
  });

  it('holds for any text in the records', () => {
    const record = fc.record({ schemaVersion: fc.constant(1), quote: fc.string({ unit: 'binary' }), tags: fc.array(fc.string()), nested: fc.array(fc.dictionary(fc.constantFrom('schemaVersion', 'x'), fc.string())) });
    fc.assert(fc.property(fc.array(record, { maxLength: 8 }), (records) => jsonLines(records) === slow(records)));
  });

  it('writes a backup line by line, the same text as before', { timeout: 60_000 }, async () => {
    // Past one chunk (2 000 records), so the parts meet where a chunk ends.
    const { snapshot } = await seededArchive(2_050);
    const file = await exportBackup(snapshot, { now: Date.UTC(2025, 0, 1) });
    const text = file.parts.join('');
    const expected =
      `{"format":"trich-luc-backup","version":1,"exportedAt":"2025-01-01T00:00:00.000Z",\n"pages":[\n${slow(snapshot.pages.map(toBackupPage))}\n],\n` +
      `"clippings":[\n${slow(snapshot.clippings.map(toBackupClipping))}\n],\n"settings":${JSON.stringify(snapshot.settings)}\n}\n`;
    expect(text).toBe(expected);
  });
});
