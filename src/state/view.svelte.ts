// Which view the page shows, kept in the address (see route.ts): each view change is a history
// entry, so Back and Forward move between views and a reload keeps the view. The fragment (a share
// link's scenario) is left as it is by every change here.
import { formatRoute, parseRoute, sameRoute, type Route, type View } from './route.ts';

export type { View } from './route.ts';

class ViewState {
  route = $state<Route>({ view: 'planner', ids: [] });
  readonly current = $derived(this.route.view);
  /** The scenarios of the address: Compare's choice, or those of a comparison's report (none: the open scenario's). */
  readonly ids = $derived(this.route.ids);
  /** Compare's last choice, kept when another view opens so coming back finds it. */
  compareIds = $state<string[]>([]);
  /** Runs before another view opens (the app saves pending edits: other views read the library). */
  beforeChange: () => Promise<void> = async () => undefined;
  #listening = false;

  /** Reads the view from the address and follows Back and Forward. */
  init(): void {
    this.#apply(parseRoute(location.search));
    if (this.#listening) return;
    this.#listening = true;
    window.addEventListener('popstate', () => {
      const next = parseRoute(location.search);
      if (sameRoute(next, this.route)) return;
      void this.beforeChange().then(() => this.#apply(next));
    });
  }

  /** Opens a view as a new history entry; Compare opens on its last choice unless given one. */
  async go(view: View, ids: string[] = view === 'compare' ? this.compareIds : []): Promise<void> {
    const next: Route = { view, ids: [...ids] };
    if (sameRoute(next, this.route)) return;
    await this.beforeChange();
    this.#apply(next);
    history.pushState(history.state, '', this.#href(next));
  }

  /** Changes Compare's choice in place (no history entry per checkbox). */
  setCompareIds(ids: string[]): void {
    this.#apply({ view: this.route.view, ids: [...ids] });
    history.replaceState(history.state, '', this.#href(this.route));
  }

  #apply(r: Route): void {
    this.route = r;
    if (r.view === 'compare') this.compareIds = r.ids;
  }

  #href(r: Route): string {
    return `${location.pathname}${formatRoute(r)}${location.hash}`;
  }
}

export const view = new ViewState();
