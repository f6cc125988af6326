// A promise settled by the test, and a counted loader returning one per call (for the state classes
// that load a chunk on demand).
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A loader whose every call is recorded; the test settles each call's promise. */
export function countedLoader<T>(): { load: () => Promise<T>; calls: Deferred<T>[] } {
  const calls: Deferred<T>[] = [];
  return {
    calls,
    load: () => {
      const d = deferred<T>();
      calls.push(d);
      return d.promise;
    },
  };
}

/** Lets the settled promises' callbacks run. */
export const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
