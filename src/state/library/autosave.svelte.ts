// Autosave of the scenario being edited: it follows the document's revision (never `updatedAt`),
// saves a short while after the last edit, saves at once when flushed (page hidden, another
// scenario opened), and — when the page is closing and an IndexedDB write may not finish — keeps
// the edit in localStorage, to be saved at the next start.

/** How long after the last keystroke the scenario is saved. Flushed at once when the page is hidden. */
export const AUTOSAVE_DELAY_MS = 400;

/** localStorage key of an edit written while the page was closing. Never rename. */
export const PENDING_KEY = 'compute-planner.pendingEdit';

export interface PendingEdit {
  id: string;
  baseRevision: number | null;
  scenario: unknown;
  at: string;
}

/** The part of localStorage the pending edit uses (a fake in the tests). */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export class Autosave {
  saving = $state(false);
  /** An edit is waiting to be saved (the autosave delay has not elapsed yet). */
  dirty = $state(false);
  lastSavedAt = $state<string | null>(null);
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** The document revision last saved or opened: a later one is an unsaved edit. */
  #cleanRevision: number;

  constructor(
    private readonly doc: { readonly revision: number },
    private readonly save: () => Promise<boolean>,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
  ) {
    this.#cleanRevision = doc.revision;
  }

  /** The document differs from what was last saved or opened. */
  get unsaved(): boolean {
    return this.doc.revision !== this.#cleanRevision;
  }

  /** A save is due (its timer runs). */
  get pending(): boolean {
    return this.#timer !== null;
  }

  /** What is in the document at `revision` is stored (or was just opened): not an edit to save. */
  markClean(revision: number = this.doc.revision): void {
    this.#cleanRevision = revision;
  }

  /** Called after every edit: saves shortly after the last one. */
  noteEdit(): void {
    if (!this.unsaved) return;
    this.cancel();
    this.dirty = true;
    this.#timer = setTimeout(() => {
      // Saved meanwhile (by "Save" or a rename): nothing left to write.
      if (!this.unsaved) this.cancel();
      else void this.save();
    }, this.delayMs);
  }

  /** Saves now whatever is pending. */
  async flush(): Promise<void> {
    if (this.#timer) {
      this.cancel();
      await this.save();
    }
  }

  cancel(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.dirty = false;
  }
}

/** Writes the edit of a closing page synchronously. False when there is no storage. */
export function writePendingEdit(store: KeyValueStore | null, edit: PendingEdit): boolean {
  try {
    store?.setItem(PENDING_KEY, JSON.stringify(edit));
    return store !== null;
  } catch {
    // No localStorage (private mode, full): the IndexedDB save is the only chance.
    return false;
  }
}

/** Takes (reads and removes) the edit a closing page left. */
export function takePendingEdit(store: KeyValueStore | null): PendingEdit | null {
  try {
    const text = store?.getItem(PENDING_KEY);
    store?.removeItem(PENDING_KEY);
    return text ? (JSON.parse(text) as PendingEdit) : null;
  } catch {
    return null;
  }
}
