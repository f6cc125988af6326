// The service worker (see vite.config.ts): registered after the page has opened, from this module
// (no inline script). A new version is announced, and applied only when the person clicks.
class AppUpdate {
  /** A new version is installed and waiting. */
  ready = $state(false);
  /** Everything is cached: the planner now works offline. */
  offlineReady = $state(false);
  #update: ((reload?: boolean) => Promise<void>) | null = null;

  async register(): Promise<void> {
    if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
    const { registerSW } = await import('virtual:pwa-register');
    this.#update = registerSW({
      immediate: true,
      onNeedRefresh: () => (this.ready = true),
      onOfflineReady: () => (this.offlineReady = true),
    });
  }

  /** Applies the waiting version (the page reloads), after `beforeApply` (the app saves pending edits). */
  async apply(beforeApply: () => Promise<void>): Promise<void> {
    await beforeApply();
    await this.#update?.(true);
  }
}

export const appUpdate = new AppUpdate();
