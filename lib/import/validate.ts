/**
 * Shared checks of imported records: valibot parses with their failures as
 * ImportErrors that name the place, and the rules a schema cannot state.
 */
import * as v from 'valibot';
import type { Entity } from '../recognize/types';
import { ImportError } from './errors.ts';

/** Parses or throws ImportError('invalid') at `path` with valibot's first issue. */
export function parseAt<S extends v.GenericSchema>(schema: S, input: unknown, path: string): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  const inner = issue ? v.getDotPath(issue) : null;
  const at = inner ? (path ? `${path}.${inner}` : inner) : path;
  throw new ImportError('invalid', describeIssue(issue), at || null);
}

function describeIssue(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'not valid';
  // An unknown key in a strict object: name it rather than print "Expected never".
  if (issue.kind === 'schema' && issue.expected === 'never' && issue.path?.length) {
    const key = issue.path[issue.path.length - 1]?.key;
    return `unknown field ${JSON.stringify(String(key))}`;
  }
  return issue.message;
}

/** Entities must slice their text out of the quote exactly, as the store requires. */
export function checkEntities(quote: string, entities: readonly Entity[], path: string): void {
  entities.forEach((e, i) => {
    if (e.end < e.start || e.end > quote.length || quote.slice(e.start, e.end) !== e.text) {
      throw new ImportError('invalid', 'entity offsets do not give its text in the quote', `${path}.${i}`);
    }
  });
}
