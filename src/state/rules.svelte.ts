// The dated rules (src/catalog/rules.ts and its 72 KB rules.json) load on demand, in a chunk of
// their own, when an editor row needs them (the import duty of a purchase): the first screen runs
// without them. `mod` is null until they are in; then each reader re-runs.
type RulesModule = typeof import('../catalog/rules.ts');

class RulesLoader {
  mod = $state.raw<RulesModule | null>(null);
  failed = $state(false);
  #loading: Promise<void> | null = null;

  /** Starts loading the rules (once; a failed load may be retried). */
  request(): void {
    if (this.mod || this.#loading) return;
    this.#loading = import('../catalog/rules.ts').then(
      (m) => void (this.mod = m),
      () => {
        this.#loading = null;
        this.failed = true;
      },
    );
  }
}

export const rulesLoader = new RulesLoader();
