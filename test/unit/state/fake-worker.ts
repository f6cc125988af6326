// A worker for the bridge tests: the API is exposed with Comlink on one end of a MessageChannel in
// this thread, and the bridge talks to the other end. `crash()` fails the worker as a crashing
// script would; `terminated` tells whether the bridge terminated it.
import { expose } from 'comlink';
import type { WorkerFactory } from '../../../src/engine/worker-bridge.ts';

export interface FakeWorker {
  terminated: boolean;
  crash(message?: string): void;
}

export function fakeWorkers(makeApi: () => object): { factory: WorkerFactory; made: FakeWorker[] } {
  const made: FakeWorker[] = [];
  const factory: WorkerFactory = (onCrash) => {
    const { port1, port2 } = new MessageChannel();
    expose(makeApi(), port2);
    const fake: FakeWorker = {
      terminated: false,
      crash: (message = 'crashed') => onCrash(message),
    };
    made.push(fake);
    return {
      endpoint: port1 as unknown as import('comlink').Endpoint,
      terminate: () => {
        fake.terminated = true;
        port1.close();
        port2.close();
      },
    };
  };
  return { factory, made };
}

/** A promise and its resolver. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
