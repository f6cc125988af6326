// The French text of the catalog's notes loads on demand, once; `translate` is null until it is in.
import { describe, expect, it } from 'vitest';
import type { FrenchNote } from '../../../src/catalog/notes-fr.ts';
import { NotesFr } from '../../../src/state/notes-fr.svelte.ts';
import { countedLoader, settle } from './deferred.ts';

type Module = { frenchNote: (text: string) => FrenchNote };
const fake: Module = { frenchNote: (text) => ({ text: `fr:${text}`, english: false }) };

describe('NotesFr', () => {
  it('translates nothing until the notes are in, then with their translation', async () => {
    const { load, calls } = countedLoader<Module>();
    const notes = new NotesFr(load);
    expect(notes.translate).toBeNull();
    notes.request();
    await settle();
    expect(notes.translate).toBeNull();
    calls[0]!.resolve(fake);
    await settle();
    expect(notes.translate?.('x')).toEqual({ text: 'fr:x', english: false });
  });

  it('asks once, while loading and after', async () => {
    const { load, calls } = countedLoader<Module>();
    const notes = new NotesFr(load);
    notes.request();
    notes.request();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(fake);
    await settle();
    notes.request();
    expect(calls).toHaveLength(1);
  });

  it('after a failed load, a later request asks again', async () => {
    const { load, calls } = countedLoader<Module>();
    const notes = new NotesFr(load);
    notes.request();
    calls[0]!.reject(new Error('chunk failed'));
    await settle();
    expect(notes.translate).toBeNull();
    notes.request();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(fake);
    await settle();
    expect(notes.translate).toBe(fake.frenchNote);
  });

  it('by default loads the catalog’s French notes', async () => {
    const notes = new NotesFr();
    notes.request();
    const real = await import('../../../src/catalog/notes-fr.ts');
    await settle();
    expect(notes.translate).toBe(real.frenchNote);
  });
});
