// Which option cards show their inputs and which are folded to their summary line (issue 16:
// "option cards collapse to a summary line so the page is short"). Kept per card, for the page's
// life. A scenario that opens with several options opens with them folded (the page is short and
// the summaries compare at a glance); one that opens with one option shows its inputs; an option
// added (or duplicated) afterwards shows its inputs, since the person is about to fill them.
import { untrack } from 'svelte';

/** What the cards need of the document: its options, and a count of opens. */
export interface CardsDocument {
  readonly opens: number;
  readonly scenario: { readonly options: readonly { readonly id: string }[] };
}

export class OptionCards {
  /** The person's choices, by `${open}:${option id}` (a choice belongs to the scenario it was made in). */
  #chosen = $state<Record<string, boolean>>({});
  /** The open the two fields below describe (they are not state: they change only with `opens`). */
  #open = -1;
  #atOpen = new Set<string>();
  #severalAtOpen = false;

  constructor(private readonly doc: CardsDocument) {}

  #sync(): number {
    const open = this.doc.opens;
    if (open !== this.#open) {
      this.#open = open;
      const ids = untrack(() => this.doc.scenario.options.map((o) => o.id));
      this.#atOpen = new Set(ids);
      this.#severalAtOpen = ids.length > 1;
    }
    return open;
  }

  /** Whether the card of option `id` shows its inputs. */
  isOpen(id: string): boolean {
    const open = this.#sync();
    const chosen = this.#chosen[`${open}:${id}`];
    if (chosen !== undefined) return chosen;
    return !(this.#severalAtOpen && this.#atOpen.has(id));
  }

  /** Shows or folds the card of option `id`. */
  set(id: string, open: boolean): void {
    this.#chosen[`${this.#sync()}:${id}`] = open;
  }

  toggle(id: string): void {
    this.set(id, !this.isOpen(id));
  }
}
