// Which view the page shows. Not in the URL: the fragment is reserved for share links.
export type View = 'planner' | 'library' | 'compare' | 'methodology';

class ViewState {
  current = $state<View>('planner');
}

export const view = new ViewState();
