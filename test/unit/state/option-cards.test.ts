// Which option cards are folded (issue 16): several options at open → folded; one → shown; an
// option added later → shown; a choice is kept per card, and forgotten when another scenario opens.
import { describe, expect, it } from 'vitest';
import { ScenarioDocument } from '../../../src/state/document.svelte.ts';
import { OptionCards } from '../../../src/state/option-cards.svelte.ts';
import { addOption } from '../../../src/ui/editor/operations.ts';
import { buy, cloud, scenario } from './scenarios.ts';

describe('OptionCards', () => {
  it('a scenario with several options opens folded; an option added afterwards is shown', () => {
    const doc = new ScenarioDocument(scenario([cloud({ id: 'a', name: 'A' }), buy({ id: 'b', name: 'B' })]));
    const cards = new OptionCards(doc);
    expect(cards.isOpen('a')).toBe(false);
    expect(cards.isOpen('b')).toBe(false);
    addOption(doc.scenario, 'cloud');
    const added = doc.scenario.options.at(-1)!.id;
    expect(cards.isOpen(added)).toBe(true);
    expect(cards.isOpen('a')).toBe(false);
  });

  it('one option opens shown; each choice is kept for its card, not for another scenario’s', () => {
    const doc = new ScenarioDocument(scenario([cloud({ id: 'a', name: 'A' })]));
    const cards = new OptionCards(doc);
    expect(cards.isOpen('a')).toBe(true);
    cards.toggle('a');
    expect(cards.isOpen('a')).toBe(false);
    doc.scenario.options[0]!.name = 'A2';
    expect(cards.isOpen('a')).toBe(false);
    doc.open({ ...scenario([cloud({ id: 'a', name: 'A' }), buy({ id: 'c', name: 'C' })]), id: 'second' });
    expect(cards.isOpen('a')).toBe(false);
    cards.set('c', true);
    expect(cards.isOpen('c')).toBe(true);
    expect(cards.isOpen('a')).toBe(false);
    doc.open({ ...scenario([cloud({ id: 'a', name: 'A' })]), id: 'third' });
    expect(cards.isOpen('a')).toBe(true);
  });

  it('the choices are kept in the storage given (a reload shows the cards as they were left)', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const s = scenario([cloud({ id: 'a', name: 'A' }), buy({ id: 'b', name: 'B' })]);
    const cards = new OptionCards(new ScenarioDocument(s), storage);
    cards.set('b', true);
    const again = new OptionCards(new ScenarioDocument(structuredClone(s)), storage);
    expect(again.isOpen('b')).toBe(true);
    expect(again.isOpen('a')).toBe(false);
    store.set('compute-planner.option-cards', 'not json');
    expect(new OptionCards(new ScenarioDocument(structuredClone(s)), storage).isOpen('b')).toBe(false);
  });

  it('until the person chooses, a card with an input to fix shows it', () => {
    const cards = new OptionCards(new ScenarioDocument(scenario([cloud({ id: 'a', name: 'A' }), buy({ id: 'b', name: 'B' })])));
    expect(cards.isOpen('a', true)).toBe(true);
    expect(cards.isOpen('b', false)).toBe(false);
    cards.toggle('a', true);
    expect(cards.isOpen('a', true)).toBe(false);
  });
});
