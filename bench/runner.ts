/**
 * Runs bench jobs in a child process. A hostile input can keep a recognizer busy for
 * minutes, and not always in JavaScript: `String.prototype.normalize` on a long run of
 * combining marks is quadratic inside ICU, where a worker thread's `terminate()` cannot
 * reach it, so the stuck thread would go on eating a core under the rows measured after
 * it. A process can be killed outright at the time limit, and the bench goes on.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type Outcome<R> = { ok: true; value: R } | { ok: false; timedOut: boolean; error: string };

export class JobRunner<Job, Result> {
  #child: ChildProcess | null = null;

  /** `entry` is a TypeScript module that calls `serve()`. */
  constructor(private readonly entry: URL) {}

  run(job: Job, timeoutMs: number): Promise<Outcome<Result>> {
    const child = (this.#child ??= this.#spawn());
    return new Promise((resolve) => {
      const settle = (outcome: Outcome<Result>, kill: boolean) => {
        clearTimeout(timer);
        child.off('message', onMessage).off('exit', onExit);
        if (kill) this.close();
        resolve(outcome);
      };
      const onMessage = (outcome: Outcome<Result>) => settle(outcome, false);
      const onExit = (code: number | null, signal: string | null) => {
        if (this.#child === child) this.#child = null;
        settle({ ok: false, timedOut: false, error: `the bench process died (${signal ?? `exit code ${code}`})` }, false);
      };
      const timer = setTimeout(
        () => settle({ ok: false, timedOut: true, error: `no answer within ${timeoutMs / 1000} s` }, true),
        timeoutMs,
      );
      child.on('message', onMessage).on('exit', onExit);
      child.send(job as object);
    });
  }

  close(): void {
    this.#child?.kill('SIGKILL');
    this.#child = null;
  }

  #spawn(): ChildProcess {
    return fork(fileURLToPath(this.entry), [], {
      // By absolute URL, so that the child finds tsx whatever the cwd.
      execArgv: ['--import', import.meta.resolve('tsx')],
      // Structured clone rather than JSON: strings of a megabyte pass as they are.
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  }
}

/** The child side: answers each job posted by `JobRunner.run`. */
export function serve<Job, Result>(handle: (job: Job) => Result | Promise<Result>): void {
  const send = process.send?.bind(process);
  if (send === undefined) throw new Error('serve() runs in a process started by JobRunner');
  // Do not outlive a bench that was interrupted.
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (job: Job) => {
    let outcome: Outcome<Result>;
    try {
      outcome = { ok: true, value: await handle(job) };
    } catch (error) {
      outcome = { ok: false, timedOut: false, error: error instanceof Error ? error.message : String(error) };
    }
    send(outcome);
  });
}
