/// <reference types="vite-plugin-pwa/client" />
// The service worker (see vite.config.ts): registered after the page has opened, from this module
// (no inline script). A new version is announced, and applied only when the person clicks.
type RegisterSW = (typeof import('virtual:pwa-register'))['registerSW'];

export class AppUpdate {
  /** A new version is installed and waiting. */
  ready = $state(false);
  /** Everything is cached: the planner now works offline. */
  offlineReady = $state(false);
  #update: ((reload?: boolean) => Promise<void>) | null = null;

  /** `enabled` and `loadRegister` are the browser's and the PWA plugin's (given by the tests). */
  constructor(
    private readonly enabled: () => boolean = () => 'serviceWorker' in navigator && !import.meta.env.DEV,
    private readonly loadRegister: () => Promise<RegisterSW> = async () => (await import('virtual:pwa-register')).registerSW,
  ) {}

  async register(): Promise<void> {
    if (!this.enabled()) return;
    const registerSW = await this.loadRegister();
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
