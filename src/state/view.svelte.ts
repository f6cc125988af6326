// Which view the page shows, kept in the address (see route.ts): each view change is a history
// entry, so Back and Forward move between views and a reload keeps the view. The fragment (a share
// link's scenario) is left as it is by every change here. The address and the history are
// injected (the tests fake them); by default the browser's.
import { formatRoute, parseRoute, sameRoute, type Route, type View } from './route.ts';

export type { View } from './route.ts';

/** What the view needs of the page: its address, its history, and Back and Forward. */
export interface ViewEnv {
  address(): { search: string; pathname: string; hash: string };
  /** A new history entry at `href` (the current entry's state kept). */
  push(href: string): void;
  /** The current history entry moved to `href`. */
  replace(href: string): void;
  /** Calls `listener` when the person goes Back or Forward. */
  onPopState(listener: () => void): void;
}

const browser: ViewEnv = {
  address: () => location,
  push: (href) => history.pushState(history.state, '', href),
  replace: (href) => history.replaceState(history.state, '', href),
  onPopState: (listener) => window.addEventListener('popstate', listener),
};

export class ViewState {
  route = $state<Route>({ view: 'planner', ids: [] });
  readonly current = $derived(this.route.view);
  /** The scenarios of the address: Compare's choice, or those of a comparison's report (none: the open scenario's). */
  readonly ids = $derived(this.route.ids);
  /** Compare's last choice, kept when another view opens so coming back finds it. */
  compareIds = $state<string[]>([]);
  /** Runs before another view opens (the app saves pending edits: other views read the library). */
  beforeChange: () => Promise<void> = async () => undefined;
  #listening = false;

  constructor(private readonly env: ViewEnv = browser) {}

  /** Reads the view from the address and follows Back and Forward. */
  init(): void {
    this.#apply(parseRoute(this.env.address().search));
    if (this.#listening) return;
    this.#listening = true;
    this.env.onPopState(() => {
      const next = parseRoute(this.env.address().search);
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
    this.env.push(this.#href(next));
  }

  /** Changes Compare's choice in place (no history entry per checkbox). */
  setCompareIds(ids: string[]): void {
    this.#apply({ view: this.route.view, ids: [...ids] });
    this.env.replace(this.#href(this.route));
  }

  #apply(r: Route): void {
    this.route = r;
    if (r.view === 'compare') this.compareIds = r.ids;
  }

  #href(r: Route): string {
    const { pathname, hash } = this.env.address();
    return `${pathname}${formatRoute(r)}${hash}`;
  }
}

export const view = new ViewState();
