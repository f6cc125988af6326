// The French text of the catalog's notes (src/catalog/notes-fr.ts), loaded on demand by the French
// page: the source notes show the English text until it is in.
import type { FrenchNote } from '../catalog/notes-fr.ts';

type NotesFrModule = Pick<typeof import('../catalog/notes-fr.ts'), 'frenchNote'>;

export class NotesFr {
  translate = $state.raw<((text: string) => FrenchNote) | null>(null);
  #asked = false;
  readonly #load: () => Promise<NotesFrModule>;

  /** `load` imports the notes' chunk (given by the tests). */
  constructor(load: () => Promise<NotesFrModule> = () => import('../catalog/notes-fr.ts')) {
    this.#load = load;
  }

  request(): void {
    if (this.#asked) return;
    this.#asked = true;
    this.#load().then(
      (m) => (this.translate = m.frenchNote),
      () => (this.#asked = false),
    );
  }
}

export const notesFr = new NotesFr();
