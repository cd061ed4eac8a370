/** Child side of the recognize section: times one function on one text per job. */
import { recognize } from '../../lib/recognize/index.ts';
import { time, type TimeOptions, type Timing } from '../measure.ts';
import { serve } from '../runner.ts';

export interface Job {
  /** `bare` is the yardstick: the cheapest pass that still looks at every number. */
  op: 'recognize' | 'bare';
  text: string;
  options: TimeOptions;
}

/** `last` is the number of entities, or of digit runs for the bare pass. */
export type Result = Timing<number>;

function countDigitRuns(text: string): number {
  const re = /\d+/g;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

serve<Job, Result>(({ op, text, options }) =>
  time(op === 'recognize' ? () => recognize(text).length : () => countDigitRuns(text), options),
);
