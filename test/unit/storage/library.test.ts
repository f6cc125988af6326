import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Library, type LibraryRecord } from '../../../src/storage/library.ts';

let n = 0;
const freshName = () => `test-library-${++n}-${Math.random()}`;

function record(id: string, name: string, updatedAt: string): Omit<LibraryRecord, 'revision'> {
  return { id, name, updatedAt, scenario: { id, name, format: 'compute-planner/scenario', version: 1 }, summary: null };
}

async function open(name: string): Promise<Library> {
  const r = await Library.open(name);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.library;
}

describe('the library in IndexedDB', () => {
  it('saves, lists (newest first), renames, deletes, and survives reopening', async () => {
    const name = freshName();
    const lib = await open(name);
    expect(await lib.save(record('a', 'Alpha', '2026-11-01T10:00:00.000Z'), null)).toEqual({ ok: true, revision: 1 });
    expect(await lib.save(record('b', 'Beta', '2026-11-02T10:00:00.000Z'), null)).toEqual({ ok: true, revision: 1 });
    expect((await lib.list()).map((r) => r.name)).toEqual(['Beta', 'Alpha']);

    expect(await lib.rename('a', 'Alpha prime', '2026-11-03T10:00:00.000Z')).toEqual({ ok: true, revision: 2 });
    const renamed = await lib.get('a');
    expect(renamed?.name).toBe('Alpha prime');
    expect((renamed?.scenario as { name: string }).name).toBe('Alpha prime');
    expect((await lib.list()).map((r) => r.id)).toEqual(['a', 'b']);

    const deleted = await lib.delete('b');
    expect(deleted?.name).toBe('Beta');
    expect((await lib.list()).map((r) => r.id)).toEqual(['a']);
    await lib.restore(deleted!);
    expect((await lib.list()).map((r) => r.id)).toEqual(['a', 'b']);
    await lib.setMeta('lastOpenedId', 'b');
    lib.close();

    const again = await open(name);
    expect((await again.list()).map((r) => [r.id, r.name, r.revision])).toEqual([
      ['a', 'Alpha prime', 2],
      ['b', 'Beta', 1],
    ]);
    expect(await again.getMeta('lastOpenedId')).toBe('b');
    again.close();
  });

  it('refuses to overwrite a newer copy: a stale tab gets a conflict, not a silent overwrite', async () => {
    const lib = await open(freshName());
    await lib.save(record('a', 'v1', '2026-11-01T10:00:00.000Z'), null);
    // Tab A and tab B both loaded revision 1. B saves first.
    expect(await lib.save(record('a', 'from B', '2026-11-01T10:01:00.000Z'), 1)).toEqual({ ok: true, revision: 2 });
    const fromA = await lib.save(record('a', 'from A', '2026-11-01T10:00:30.000Z'), 1);
    expect(fromA).toMatchObject({ ok: false, conflict: { name: 'from B', revision: 2 } });
    expect((await lib.get('a'))?.name).toBe('from B');
    // A new record cannot take the id of an existing one.
    expect(await lib.save(record('a', 'imposter', '2026-11-01T11:00:00.000Z'), null)).toMatchObject({ ok: false });
    lib.close();
  });

  it('never brings back a deleted record: a save that started from it is told it is gone', async () => {
    const lib = await open(freshName());
    await lib.save(record('a', 'v1', '2026-11-01T10:00:00.000Z'), null);
    await lib.delete('a');
    expect(await lib.save(record('a', 'late autosave', '2026-11-01T10:00:01.000Z'), 1)).toEqual({ ok: false, deleted: true });
    expect(await lib.list()).toEqual([]);
    // Saved again as a new scenario (no revision to start from), it is created.
    expect(await lib.save(record('a', 'saved again', '2026-11-01T10:00:02.000Z'), null)).toEqual({ ok: true, revision: 1 });
    lib.close();
  });

  it('sets aside a row that cannot be loaded, keeping it', async () => {
    const lib = await open(freshName());
    await lib.save(record('bad', 'Broken', '2026-11-01T10:00:00.000Z'), null);
    await lib.setAside('bad', 'futureVersion', '2026-11-02T00:00:00.000Z');
    expect(await lib.list()).toEqual([]);
    const aside = await lib.listSetAside();
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatchObject({ id: 'bad', reason: 'futureVersion', row: { name: 'Broken' } });
    lib.close();
  });
});
