// The app's update: the service worker is registered only where it can be; a waiting version is
// announced, and applied (with a reload) only after the pending edits are saved.
import { describe, expect, it } from 'vitest';
import { AppUpdate } from '../../../src/pwa.svelte.ts';

type Options = Parameters<(typeof import('virtual:pwa-register'))['registerSW']>[0];

/** A fake `registerSW`: records its options and each call of the update it returns. */
function fakePlugin() {
  const seen: { options: Options | undefined; updates: (boolean | undefined)[]; order: string[] } = { options: undefined, updates: [], order: [] };
  const registerSW = (options?: Options) => {
    seen.options = options;
    return async (reload?: boolean) => {
      seen.order.push('update');
      seen.updates.push(reload);
    };
  };
  return { seen, loadRegister: async () => registerSW };
}

describe('AppUpdate', () => {
  it('where service workers are not available (or in development), registers nothing', async () => {
    const { seen, loadRegister } = fakePlugin();
    let loads = 0;
    const update = new AppUpdate(() => false, () => (loads++, loadRegister()));
    await update.register();
    expect(loads).toBe(0);
    expect(seen.options).toBeUndefined();
    // Applying then only runs the save: there is no waiting version to apply.
    const order: string[] = [];
    await update.apply(async () => void order.push('save'));
    expect(order).toEqual(['save']);
    expect(seen.updates).toEqual([]);
  });

  it('registers at once, and says when a new version waits and when it works offline', async () => {
    const { seen, loadRegister } = fakePlugin();
    const update = new AppUpdate(() => true, loadRegister);
    await update.register();
    expect(seen.options?.immediate).toBe(true);
    expect(update.ready).toBe(false);
    expect(update.offlineReady).toBe(false);
    seen.options?.onOfflineReady?.();
    expect(update.offlineReady).toBe(true);
    expect(update.ready).toBe(false);
    seen.options?.onNeedRefresh?.();
    expect(update.ready).toBe(true);
  });

  it('applies the waiting version with a reload, after the pending edits are saved', async () => {
    const { seen, loadRegister } = fakePlugin();
    const update = new AppUpdate(() => true, loadRegister);
    await update.register();
    let release!: () => void;
    const saving = new Promise<void>((r) => (release = r));
    const applying = update.apply(async () => {
      seen.order.push('save');
      await saving;
      seen.order.push('saved');
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen.updates).toEqual([]);
    release();
    await applying;
    expect(seen.order).toEqual(['save', 'saved', 'update']);
    expect(seen.updates).toEqual([true]);
  });

  it('a failed save does not apply the new version', async () => {
    const { seen, loadRegister } = fakePlugin();
    const update = new AppUpdate(() => true, loadRegister);
    await update.register();
    await expect(update.apply(async () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(seen.updates).toEqual([]);
  });
});
