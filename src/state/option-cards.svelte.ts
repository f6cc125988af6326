// Which option cards show their inputs and which are folded to their summary line (issue 16:
// "option cards collapse to a summary line so the page is short"). Kept per card (by scenario and
// option), for the tab's life: a reload shows the cards as they were left. A scenario that opens with several options opens with them folded (the page is short and
// the summaries compare at a glance); one that opens with one option shows its inputs; an option
// added (or duplicated) afterwards shows its inputs, since the person is about to fill them.
import { untrack } from 'svelte';

/** What the cards need of the document: its options, and a count of opens. */
export interface CardsDocument {
  readonly opens: number;
  readonly scenario: { readonly id: string; readonly options: readonly { readonly id: string }[] };
}

/** Where the choices are kept (the tab's sessionStorage in the page; nothing in tests). */
export type CardsStorage = Pick<Storage, 'getItem' | 'setItem'> | null;

/** The sessionStorage key of the choices. Changing it only forgets them. */
const STORAGE_KEY = 'compute-planner.option-cards';

export class OptionCards {
  /** The person's choices, by `${scenario id} ${option id}`. */
  #chosen = $state<Record<string, boolean>>({});
  /** The open the two fields below describe (they are not state: they change only with `opens`). */
  #open = -1;
  #atOpen = new Set<string>();
  #severalAtOpen = false;

  constructor(
    private readonly doc: CardsDocument,
    private readonly storage: CardsStorage = null,
  ) {
    try {
      const saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}') as unknown;
      if (saved && typeof saved === 'object') for (const [k, v] of Object.entries(saved)) if (typeof v === 'boolean') this.#chosen[k] = v;
    } catch {
      // Unreadable choices are forgotten: the cards take their defaults.
    }
  }

  #sync(): void {
    const open = this.doc.opens;
    if (open !== this.#open) {
      this.#open = open;
      const ids = untrack(() => this.doc.scenario.options.map((o) => o.id));
      this.#atOpen = new Set(ids);
      this.#severalAtOpen = ids.length > 1;
    }
  }

  #key(id: string): string {
    return `${this.doc.scenario.id} ${id}`;
  }

  /**
   * Whether the card of option `id` shows its inputs. Until the person chooses, a card with an
   * input to fix shows it (a scenario opened with a wrong value must show where it is).
   */
  isOpen(id: string, hasIssues = false): boolean {
    this.#sync();
    const chosen = this.#chosen[this.#key(id)];
    if (chosen !== undefined) return chosen;
    return hasIssues || !(this.#severalAtOpen && this.#atOpen.has(id));
  }

  /** Shows or folds the card of option `id`. */
  set(id: string, open: boolean): void {
    this.#sync();
    this.#chosen[this.#key(id)] = open;
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(this.#chosen));
    } catch {
      // A full or blocked storage only means the choice is not kept across a reload.
    }
  }

  toggle(id: string, hasIssues = false): void {
    this.set(id, !this.isOpen(id, hasIssues));
  }
}
