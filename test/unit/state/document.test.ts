// The scenario document (issue 11): its methods, and writes through its view, are the only
// mutators; each edit bumps the revision and says its kind; a rename is metadata and does not
// bump the model revision; writing the same value again is not an edit.
import { describe, expect, it } from 'vitest';
import { ScenarioDocument, editKindOf } from '../../../src/state/document.svelte.ts';
import { addOption, moveOption, removeOption } from '../../../src/ui/editor/operations.ts';
import { buy, cloud, scenario } from './scenarios.ts';

const fresh = () => new ScenarioDocument(scenario([cloud({ id: 'a', name: 'A' }), buy({ id: 'b', name: 'B' })]));

describe('ScenarioDocument', () => {
  it('a numeric edit through the view bumps both revisions', () => {
    const doc = fresh();
    const o = doc.scenario.options[0] as { priceCcyPerGpuHour: number };
    o.priceCcyPerGpuHour = 3.5;
    expect(doc.revision).toBe(1);
    expect(doc.modelRevision).toBe(1);
    expect(doc.lastEdit).toBe('numeric');
    expect((doc.snapshot().options[0] as { priceCcyPerGpuHour: number }).priceCcyPerGpuHour).toBe(3.5);
  });

  it('a rename is a metadata edit: the revision moves, the model revision does not', () => {
    const doc = fresh();
    doc.rename('Plan B');
    doc.scenario.notes = 'why';
    expect(doc.revision).toBe(2);
    expect(doc.modelRevision).toBe(0);
    expect(doc.lastEdit).toBe('metadata');
    expect(doc.snapshot().name).toBe('Plan B');
  });

  it('writing the same value again is not an edit', () => {
    const doc = fresh();
    doc.scenario.settings.horizonMonths = doc.scenario.settings.horizonMonths;
    doc.scenario.name = doc.scenario.name;
    expect(doc.revision).toBe(0);
  });

  it('marking a save changes updatedAt without an edit (autosave does not follow updatedAt)', () => {
    const doc = fresh();
    doc.markSaved('2030-01-01T00:00:00.000Z');
    expect(doc.revision).toBe(0);
    expect(doc.modelRevision).toBe(0);
    expect(doc.snapshot().updatedAt).toBe('2030-01-01T00:00:00.000Z');
  });

  it('the editor operations (add, move, remove an option) are numeric edits through the view', () => {
    const doc = fresh();
    addOption(doc.scenario, 'cloud');
    expect(doc.snapshot().options).toHaveLength(3);
    const afterAdd = doc.modelRevision;
    expect(afterAdd).toBeGreaterThan(0);
    moveOption(doc.scenario, 0, 1);
    expect(doc.snapshot().options.map((o) => o.id).slice(0, 2)).toEqual(['b', 'a']);
    removeOption(doc.scenario, 2);
    expect(doc.snapshot().options.map((o) => o.id)).toEqual(['b', 'a']);
    expect(doc.modelRevision).toBeGreaterThan(afterAdd);
    expect(doc.lastEdit).toBe('numeric');
  });

  it('a view keeps its identity, and a view assigned back stores the state, not the view', () => {
    const doc = fresh();
    expect(doc.scenario.options[0]).toBe(doc.scenario.options[0]);
    const [first, second] = [doc.scenario.options[0]!, doc.scenario.options[1]!];
    doc.scenario.options[0] = second;
    doc.scenario.options[1] = first;
    // One write through the view is one bump: a view stored inside the state would count twice.
    const before = doc.revision;
    (doc.scenario.options[0] as { name: string }).name = 'B2';
    expect(doc.revision).toBe(before + 1);
    expect(doc.snapshot().options.map((o) => o.name)).toEqual(['B2', 'A']);
    expect(() => structuredClone(doc.snapshot())).not.toThrow();
  });

  it('opening another scenario bumps both revisions (new figures), and is not an edit kind', () => {
    const doc = fresh();
    doc.open(scenario([cloud({ id: 'z' })]));
    expect(doc.revision).toBe(1);
    expect(doc.modelRevision).toBe(1);
    expect(doc.lastEdit).toBe('open');
    expect(doc.scenario.options[0]!.id).toBe('z');
  });

  it('names the kind of an edit by its top-level field', () => {
    expect(editKindOf('name')).toBe('metadata');
    expect(editKindOf('notes')).toBe('metadata');
    expect(editKindOf('options')).toBe('numeric');
    expect(editKindOf('settings')).toBe('numeric');
    expect(editKindOf('uncertainty')).toBe('numeric');
  });
});
