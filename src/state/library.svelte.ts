// The page's library: the LibraryState (library/library-state.svelte.ts) wired to the page's
// planner, the evaluator worker's load path, IndexedDB, BroadcastChannel and localStorage.
import { engine } from '../engine/bridge.svelte.ts';
import { Library } from '../storage/library.ts';
import type { KeyValueStore } from './library/autosave.svelte.ts';
import { LibraryState } from './library/library-state.svelte.ts';
import { browserChannel } from './library/tab-sync.ts';
import { planner } from './planner.svelte.ts';

export { AUTOSAVE_DELAY_MS } from './library/autosave.svelte.ts';
export { LibraryState, type LibraryDeps, type LinkConflict, type Origin } from './library/library-state.svelte.ts';
export { contentKey, editableScenario, isEditable, summarise } from './library/policy.ts';
export { CHANNEL_NAME } from './library/tab-sync.ts';

function localStore(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const library = new LibraryState({
  planner,
  loadValue: (v) => engine.loadValue(v),
  openStorage: () => Library.open(),
  channel: browserChannel,
  keyValue: localStore,
});
