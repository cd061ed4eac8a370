/**
 * The backup's published JSON Schema (lib/backup/schema.json) is generated from the
 * valibot schema the importer uses, so the two cannot drift: this test regenerates it
 * and compares. After a deliberate change to the format, rewrite it with
 *
 *   UPDATE_BACKUP_SCHEMA=1 npx vitest run tests/export/backup-schema.test.ts
 *
 * A second, independent validator (Ajv) then checks real backups against the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION } from '../../lib/backup/format.ts';
import { BackupSchema } from '../../lib/backup/schema.ts';
import { exportBackup } from '../../lib/export/index.ts';
import { seededArchive, textOf } from './helpers.ts';

const SCHEMA_PATH = fileURLToPath(new URL('../../lib/backup/schema.json', import.meta.url));

function generated(): object {
  // "finite" (entity values) has no JSON Schema keyword: JSON numbers are always finite.
  const body = toJsonSchema(BackupSchema, { errorMode: 'ignore', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `urn:trich-luc:backup:${BACKUP_VERSION}`,
    title: `Trích Lục backup, version ${BACKUP_VERSION}`,
    description:
      'A complete archive of Trích Lục: pages, clippings (tombstones included) and settings, without the fields the store derives. ' +
      'Times are epoch milliseconds; entity offsets are UTF-16 code units into the quote. Generated from lib/backup/schema.ts.',
    ...Object.fromEntries(Object.entries(body).filter(([k]) => k !== '$schema')),
  };
}

describe('backup JSON Schema', () => {
  it('is the one generated from the importer\'s valibot schema', () => {
    const fresh = `${JSON.stringify(generated(), null, 2)}\n`;
    if (process.env.UPDATE_BACKUP_SCHEMA) writeFileSync(SCHEMA_PATH, fresh);
    expect(readFileSync(SCHEMA_PATH, 'utf8'), 'lib/backup/schema.json is stale: see the comment at the top of this test').toBe(fresh);
  });

  it('accepts real backups and the sample archive, and refuses broken ones (Ajv)', async () => {
    const ajv = new Ajv2020({ allErrors: false, strict: false });
    ajv.addFormat('date-time', { validate: (s: string) => !Number.isNaN(Date.parse(s)) });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
    const { snapshot } = await seededArchive(50, { hostile: 0.3, seed: 17 });
    const backup = JSON.parse(textOf(await exportBackup(snapshot))) as Record<string, unknown>;
    expect(validate(backup), JSON.stringify(validate.errors)).toBe(true);
    const sample = JSON.parse(readFileSync(new URL('../../examples/sample-archive.json', import.meta.url), 'utf8')) as object;
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...backup, version: 2 })).toBe(false);
    expect(validate({ ...backup, extra: true })).toBe(false);
    const clippings = backup.clippings as Record<string, unknown>[];
    expect(validate({ ...backup, clippings: [{ ...clippings[0], colour: 'red' }] })).toBe(false);
  });
});
