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

  it('one option opens shown; each choice is kept for its card until another scenario opens', () => {
    const doc = new ScenarioDocument(scenario([cloud({ id: 'a', name: 'A' })]));
    const cards = new OptionCards(doc);
    expect(cards.isOpen('a')).toBe(true);
    cards.toggle('a');
    expect(cards.isOpen('a')).toBe(false);
    doc.scenario.options[0]!.name = 'A2';
    expect(cards.isOpen('a')).toBe(false);
    doc.open(scenario([cloud({ id: 'a', name: 'A' }), buy({ id: 'c', name: 'C' })]));
    expect(cards.isOpen('a')).toBe(false);
    cards.set('c', true);
    expect(cards.isOpen('c')).toBe(true);
    expect(cards.isOpen('a')).toBe(false);
    doc.open(scenario([cloud({ id: 'a', name: 'A' })]));
    expect(cards.isOpen('a')).toBe(true);
  });
});
