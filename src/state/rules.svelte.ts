// The dated rules (src/catalog/rules.ts and its 72 KB rules.json) load on demand, in a chunk of
// their own, when an editor row needs them (the import duty of a purchase): the first screen runs
// without them. `mod` is null until they are in; then each reader re-runs.
type RulesModule = typeof import('../catalog/rules.ts');

export class RulesLoader {
  mod = $state.raw<RulesModule | null>(null);
  failed = $state(false);
  #loading: Promise<void> | null = null;
  readonly #load: () => Promise<RulesModule>;

  /** `load` imports the rules' chunk (given by the tests). */
  constructor(load: () => Promise<RulesModule> = () => import('../catalog/rules.ts')) {
    this.#load = load;
  }

  /** Starts loading the rules (once; a failed load may be retried). */
  request(): void {
    if (this.mod || this.#loading) return;
    this.#loading = this.#load().then(
      (m) => void (this.mod = m),
      () => {
        this.#loading = null;
        this.failed = true;
      },
    );
  }
}

export const rulesLoader = new RulesLoader();
