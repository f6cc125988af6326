// The library's jobs (issue 11), each with its storage and engine faked or injected: the list is
// read once at start and updated in place after the tab's own saves; autosave follows the
// document's revision (never updatedAt); tabs hear each other; "New" adds no row until typed.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadScenarioValue } from '../../../src/scenario/load.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';
import { Library, type LibraryRecord } from '../../../src/storage/library.ts';
import { ScenarioDocument } from '../../../src/state/document.svelte.ts';
import { Planner } from '../../../src/state/evaluation.svelte.ts';
import { LibraryState } from '../../../src/state/library/library-state.svelte.ts';
import { Autosave, PENDING_KEY, type KeyValueStore } from '../../../src/state/library/autosave.svelte.ts';
import { LibraryIndex } from '../../../src/state/library/index.svelte.ts';
import { importOpening, linkOpening, sameContent } from '../../../src/state/library/policy.ts';
import type { Channel, TabMessage } from '../../../src/state/library/tab-sync.ts';
import { evaluatorApi } from '../../../workers/api.ts';
import { cloud, scenario } from './scenarios.ts';

let n = 0;
const freshName = () => `state-library-${++n}-${Math.random()}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (the machine may be slow) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await sleep(10);
  if (!condition()) throw new Error('condition never met');
}

/** The load path, counted (it runs in the evaluator worker on the page). */
function countedLoad() {
  const counter = { calls: 0, load: async (v: unknown) => (counter.calls++, loadScenarioValue(v)) };
  return counter;
}

/** Channels that deliver to each other (later, as BroadcastChannel does between tabs). */
function channelPair(): [Channel, Channel] {
  const a: Channel = { onmessage: null, postMessage: (m) => void setTimeout(() => b.onmessage?.({ data: m } as MessageEvent<TabMessage>)), close: () => undefined };
  const b: Channel = { onmessage: null, postMessage: (m) => void setTimeout(() => a.onmessage?.({ data: m } as MessageEvent<TabMessage>)), close: () => undefined };
  return [a, b];
}

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function makeTab(dbName: string, options: { channel?: Channel | null; store?: KeyValueStore } = {}) {
  const load = countedLoad();
  const doc = new ScenarioDocument(scenario([cloud()]));
  const evaluations = { calls: 0 };
  const planner = new Planner(doc, { evaluate: async (s) => (evaluations.calls++, evaluatorApi.evaluate(s)) });
  const store = options.store ?? memoryStore();
  const library = new LibraryState({
    planner,
    loadValue: load.load,
    openStorage: () => Library.open(dbName),
    channel: () => options.channel ?? null,
    keyValue: () => store,
    autosaveDelayMs: 5,
  });
  return { library, planner, doc, load, evaluations, store };
}

async function seed(dbName: string, ...scenarios: Scenario[]): Promise<void> {
  const r = await Library.open(dbName);
  if (!r.ok) throw new Error('no storage');
  for (const s of scenarios) await r.library.save({ id: s.id, scenario: s, name: s.name, updatedAt: s.updatedAt, summary: null }, null);
  r.library.close();
}

const named = (id: string, name: string, updatedAt = '2026-11-01T00:00:00.000Z') => ({ ...scenario([cloud()]), id, name, updatedAt });

describe('the list (LibraryIndex)', () => {
  it('reads each stored row through the load path once, and sets aside a row that cannot load', async () => {
    const db = freshName();
    await seed(db, named('a', 'Alpha'), named('b', 'Beta', '2026-11-02T00:00:00.000Z'));
    const opened = await Library.open(db);
    if (!opened.ok) throw new Error('no storage');
    await opened.library.save({ id: 'bad', scenario: { nonsense: true }, name: 'Bad', updatedAt: '2026-11-03T00:00:00.000Z', summary: null }, null);
    const load = countedLoad();
    const index = new LibraryIndex(opened.library, load.load);
    await index.load();
    expect(index.records.map((r) => r.id)).toEqual(['b', 'a']);
    expect(index.setAsideCount).toBe(1);
    expect(load.calls).toBe(3);
    index.put({ ...(index.records[1] as LibraryRecord), updatedAt: '2026-12-01T00:00:00.000Z' });
    expect(index.records.map((r) => r.id)).toEqual(['a', 'b']);
    index.drop('a');
    expect(index.records.map((r) => r.id)).toEqual(['b']);
    expect(load.calls).toBe(3);
  });
});

describe('autosave (Autosave)', () => {
  it('follows the revision: saves after the last edit, once, and not for a revision already saved', async () => {
    const doc = { revision: 0 };
    let saves = 0;
    const autosave: Autosave = new Autosave(doc, async () => (saves++, autosave.markClean(), true), 5);
    autosave.noteEdit();
    expect(autosave.dirty).toBe(false);
    doc.revision = 1;
    autosave.noteEdit();
    doc.revision = 2;
    autosave.noteEdit();
    expect(autosave.dirty).toBe(true);
    await sleep(30);
    expect(saves).toBe(1);
    expect(autosave.unsaved).toBe(false);
    autosave.noteEdit();
    await sleep(20);
    expect(saves).toBe(1);
  });
});

describe('the library (LibraryState)', () => {
  it('after its own autosaves, updates the list in place without re-reading every row', async () => {
    const db = freshName();
    await seed(db, named('a', 'Alpha'), named('b', 'Beta'));
    const tab = makeTab(db);
    await tab.library.init();
    expect(tab.load.calls).toBe(2);
    expect((await tab.library.openRecord('a')).ok).toBe(true);
    const callsAfterOpen = tab.load.calls;
    for (let i = 0; i < 3; i++) {
      tab.doc.scenario.workload = { ...tab.doc.snapshot().workload, growthPctPerMonth: i + 1 } as Scenario['workload'];
      tab.library.noteEdit();
      await until(() => tab.library.revision === i + 2);
    }
    expect(tab.library.revision).toBe(4);
    expect(tab.load.calls).toBe(callsAfterOpen);
    expect(tab.library.records.find((r) => r.id === 'a')?.revision).toBe(4);
    expect(tab.library.records[0]!.id).toBe('a');
  });

  it('a rename saves the scenario without touching the model revision; saving does not count as an edit', async () => {
    const db = freshName();
    await seed(db, named('a', 'Alpha'));
    const tab = makeTab(db);
    await tab.library.init();
    await tab.library.openRecord('a');
    const model = tab.doc.modelRevision;
    await tab.library.rename('a', 'Alpha renamed');
    expect(tab.doc.modelRevision).toBe(model);
    expect(tab.library.records[0]!.name).toBe('Alpha renamed');
    // The save wrote updatedAt into the document: not an edit, so nothing is saved again.
    const revision = tab.library.revision;
    tab.library.noteEdit();
    await sleep(30);
    expect(tab.library.revision).toBe(revision);
    expect(tab.library.autosave.unsaved).toBe(false);
  });

  it('"New" adds no row to the library until something is typed', async () => {
    const db = freshName();
    await seed(db, named('a', 'Alpha'));
    const tab = makeTab(db);
    await tab.library.init();
    await tab.library.newScenario({ ...scenario([cloud()]), name: 'New scenario' });
    tab.library.noteEdit();
    await sleep(30);
    expect(tab.library.records.map((r) => r.name)).toEqual(['Alpha']);
    expect(tab.library.revision).toBeNull();
    tab.doc.scenario.notes = 'first words';
    tab.library.noteEdit();
    await until(() => tab.library.records.length === 2);
    expect(tab.library.records.map((r) => r.name).sort()).toEqual(['Alpha', 'New scenario']);
  });

  it('another tab hears a save: its list re-reads that row only, and it follows when it has no unsaved edit', async () => {
    const db = freshName();
    await seed(db, named('a', 'Alpha'), named('b', 'Beta'));
    const [ca, cb] = channelPair();
    const a = makeTab(db, { channel: ca });
    const b = makeTab(db, { channel: cb });
    await a.library.init();
    await b.library.init();
    await a.library.openRecord('a');
    await b.library.openRecord('a');
    const bCalls = b.load.calls;
    a.doc.scenario.settings.horizonMonths = 24;
    await a.library.save();
    await until(() => b.doc.snapshot().settings.horizonMonths === 24);
    // One row re-read for the list, one to open it: not the whole library.
    expect(b.load.calls - bCalls).toBe(2);
    // With an unsaved edit, the other tab's copy is offered, never silently taken or overwritten.
    b.doc.scenario.settings.horizonMonths = 36;
    a.doc.scenario.settings.horizonMonths = 48;
    await a.library.save();
    await until(() => b.library.conflict !== null);
    expect(b.library.conflict?.id).toBe('a');
    expect(b.doc.snapshot().settings.horizonMonths).toBe(36);
  });

  it('a tab that cannot hear the others meets the newer copy at its save: told, and its list shows it', async () => {
    const db = freshName();
    await seed(db, named('a', 'Alpha'));
    const a = makeTab(db);
    const b = makeTab(db);
    await a.library.init();
    await b.library.init();
    await a.library.openRecord('a');
    await b.library.openRecord('a');
    a.doc.rename('Newer, from A');
    await a.library.save();
    b.doc.rename('Older base, from B');
    expect(await b.library.save()).toBe(false);
    expect(b.library.conflict?.name).toBe('Newer, from A');
    expect(b.library.records.map((r) => r.name)).toEqual(['Newer, from A']);
    await b.library.resolveConflict('mine-as-copy');
    expect(b.library.records.map((r) => r.name).sort()).toEqual(['Newer, from A', 'Older base, from B']);
  });

  it('an edit left by a closing page is saved at the next start', async () => {
    const db = freshName();
    await seed(db, named('a', 'Alpha'));
    const store = memoryStore();
    const first = makeTab(db, { store });
    await first.library.init();
    await first.library.openRecord('a');
    first.doc.scenario.notes = 'typed just before closing';
    first.library.flushOnExit();
    expect(store.data.has(PENDING_KEY)).toBe(true);
    const second = makeTab(db, { store });
    await second.library.init();
    expect(store.data.has(PENDING_KEY)).toBe(false);
    const row = second.library.records.find((r) => r.id === 'a');
    expect((row?.scenario as Scenario).notes).toBe('typed just before closing');
  });
});

describe('link and import policy', () => {
  const s = named('a', 'Alpha');
  const row = (scenario: unknown): LibraryRecord => ({ id: 'a', scenario, name: 'Alpha', updatedAt: '', revision: 1, summary: null });
  it('a link opens as the saved copy when identical (updatedAt aside), and asks when different', () => {
    expect(linkOpening(undefined, s)).toBe('unsaved');
    expect(linkOpening(row({ ...s, updatedAt: '2030-01-01T00:00:00.000Z' }), s)).toBe('saved');
    expect(linkOpening(row({ ...s, name: 'Other' }), s)).toBe('conflict');
  });
  it('an import keeps a free id, skips an identical copy, and never overwrites a different one', () => {
    expect(importOpening(undefined, s)).toBe('keepId');
    expect(importOpening(row(s), s)).toBe('same');
    expect(importOpening(row({ ...s, notes: 'mine' }), s)).toBe('newId');
    expect(sameContent(undefined, s)).toBe(false);
  });
});
