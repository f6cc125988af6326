// Which view the page shows (ViewState), with the address and the history faked: the view is read
// from the address, each change is a history entry (Compare's choice replaces it), pending edits
// are saved before another view opens, Back and Forward are followed, the fragment is kept.
import { describe, expect, it } from 'vitest';
import { ViewState, type ViewEnv } from '../../../src/state/view.svelte.ts';
import { deferred } from './deferred.ts';

/** A fake page: an address, a history of entries (index `at`), and Back. */
function fakePage(start = '/app/?view=planner#scenario=v1.abc') {
  const entries = [start];
  let at = 0;
  const popListeners: Array<() => void> = [];
  const url = () => new URL(entries[at]!, 'https://example.test');
  const env: ViewEnv = {
    address: () => ({ search: url().search, pathname: url().pathname, hash: url().hash }),
    push: (href) => {
      entries.splice(at + 1, entries.length, href);
      at += 1;
    },
    replace: (href) => void (entries[at] = href),
    onPopState: (listener) => void popListeners.push(listener),
  };
  const back = () => {
    at -= 1;
    for (const l of popListeners) l();
  };
  return { env, entries, back, listeners: () => popListeners.length, current: () => entries[at]! };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('ViewState', () => {
  it('reads the view and its scenarios from the address; an unknown view is the planner', () => {
    const page = fakePage('/app/?view=compare&ids=a,b,a,bad%20id');
    const v = new ViewState(page.env);
    expect(v.current).toBe('planner');
    v.init();
    expect(v.current).toBe('compare');
    expect(v.ids).toEqual(['a', 'b']);
    expect(v.compareIds).toEqual(['a', 'b']);
    const unknown = new ViewState(fakePage('/?view=settings').env);
    unknown.init();
    expect(unknown.current).toBe('planner');
  });

  it('opens a view as a new history entry, keeping the path and the share fragment', async () => {
    const page = fakePage();
    const v = new ViewState(page.env);
    v.init();
    await v.go('report', ['x', 'y']);
    expect(v.current).toBe('report');
    expect(v.ids).toEqual(['x', 'y']);
    expect(page.entries).toEqual(['/app/?view=planner#scenario=v1.abc', '/app/?view=report&ids=x,y#scenario=v1.abc']);
    await v.go('planner');
    expect(page.current()).toBe('/app/#scenario=v1.abc');
    expect(page.entries).toHaveLength(3);
  });

  it('saves pending edits before another view opens, and switches only then', async () => {
    const page = fakePage();
    const v = new ViewState(page.env);
    v.init();
    const saved = deferred<void>();
    let saves = 0;
    v.beforeChange = () => {
      saves += 1;
      return saved.promise;
    };
    const going = v.go('library');
    await tick();
    expect(v.current).toBe('planner');
    expect(page.entries).toHaveLength(1);
    saved.resolve();
    await going;
    expect(v.current).toBe('library');
    expect(saves).toBe(1);
    // The view already shown: nothing saved, no entry.
    await v.go('library');
    expect(saves).toBe(1);
    expect(page.entries).toHaveLength(2);
  });

  it('changes Compare’s choice in place, and Compare opens again on it after another view', async () => {
    const page = fakePage('/');
    const v = new ViewState(page.env);
    v.init();
    await v.go('compare');
    expect(v.ids).toEqual([]);
    v.setCompareIds(['a']);
    v.setCompareIds(['a', 'b']);
    // One entry for the planner, one for Compare: the checkboxes replace it.
    expect(page.entries).toEqual(['/', '/?view=compare&ids=a,b']);
    await v.go('methodology');
    expect(v.ids).toEqual([]);
    expect(v.compareIds).toEqual(['a', 'b']);
    await v.go('compare');
    expect(v.ids).toEqual(['a', 'b']);
    expect(page.current()).toBe('/?view=compare&ids=a,b');
  });

  it('follows Back after saving pending edits, and listens once however often it is initialised', async () => {
    const page = fakePage('/');
    const v = new ViewState(page.env);
    v.init();
    v.init();
    expect(page.listeners()).toBe(1);
    await v.go('library');
    let saves = 0;
    v.beforeChange = async () => void (saves += 1);
    page.back();
    await tick();
    expect(v.current).toBe('planner');
    expect(saves).toBe(1);
    // Back to an address of the view already shown (a fragment change): nothing to save.
    page.env.push('/#scenario=v1.other');
    page.back();
    await tick();
    expect(saves).toBe(1);
    expect(v.current).toBe('planner');
  });
});
