// The French text of the catalog's notes (src/catalog/notes-fr.ts), loaded on demand by the French
// page: the source notes show the English text until it is in.
import type { FrenchNote } from '../catalog/notes-fr.ts';

class NotesFr {
  translate = $state.raw<((text: string) => FrenchNote) | null>(null);
  #asked = false;

  request(): void {
    if (this.#asked) return;
    this.#asked = true;
    import('../catalog/notes-fr.ts').then(
      (m) => (this.translate = m.frenchNote),
      () => (this.#asked = false),
    );
  }
}

export const notesFr = new NotesFr();
