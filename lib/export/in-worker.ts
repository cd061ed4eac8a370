/**
 * One job in a fresh worker, for the library page's exports (./run.ts) and imports
 * (../import/run.ts): what both need around their own messages. An aborted signal
 * terminates the worker and rejects with an AbortError; when the worker cannot be
 * started, or fails to load before saying anything, the job runs on `fallback`
 * instead; a worker that fails after that fails the job (running the same file again on
 * the page would freeze it).
 */
import { AbortError } from './progress.ts';

/** The slice of `Worker` used here, so tests can hand in a fake. */
export interface WorkerPort<In, Out> {
  postMessage(message: In): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<Out>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** What a job's message handler may do: answer the worker, or end the job. */
export interface WorkerJob<In, T> {
  post(message: In): void;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export interface WorkerJobOptions<In, Out, T> {
  start: () => WorkerPort<In, Out>;
  fallback: () => Promise<T>;
  signal?: AbortSignal | undefined;
  /** The message that starts the job. */
  first: In;
  /** The error's message when the worker fails after it has spoken. */
  failure: string;
  onMessage(message: Out, job: WorkerJob<In, T>): void;
}

export function runInWorker<In, Out, T>(options: WorkerJobOptions<In, Out, T>): Promise<T> {
  let worker: WorkerPort<In, Out>;
  try {
    worker = options.start();
  } catch {
    return options.fallback();
  }
  const { signal } = options;
  return new Promise<T>((resolve, reject) => {
    let heard = false;
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(new AbortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const job: WorkerJob<In, T> = {
      post: (message) => worker.postMessage(message),
      resolve: (value) => {
        finish();
        resolve(value);
      },
      reject: (error) => {
        finish();
        reject(error);
      },
    };
    worker.onmessage = (event) => {
      heard = true;
      options.onMessage(event.data, job);
    };
    worker.onerror = () => {
      finish();
      if (heard) reject(new Error(options.failure));
      else options.fallback().then(resolve, reject);
    };
    worker.postMessage(options.first);
  });
}
