// From a validation issue to the editor field it is about: the field's element id (as the field
// components write it, `f-options-0-pue`), the nearest field that exists when the issue is about
// a whole object, and how to bring that field into view. The lookup is pure; `revealField` is the
// one DOM step.

/** The id the editor's field components give the input at `path` ("options.0.pue" → "f-options-0-pue"). */
export function fieldId(path: readonly (string | number)[]): string {
  return `f-${path.join('-')}`;
}

/**
 * The id of the field an issue at `path` should lead to: the field itself, or else the first
 * field inside the object the path names, or else the nearest enclosing one. `exists` says
 * whether an id is on the page, `firstWithin` the first field id under a prefix (or null).
 */
export function nearestFieldId(
  path: readonly (string | number)[],
  exists: (id: string) => boolean,
  firstWithin: (prefix: string) => string | null,
): string | null {
  for (let n = path.length; n >= 1; n--) {
    const id = fieldId(path.slice(0, n));
    if (exists(id)) return id;
    const inner = firstWithin(`${id}-`);
    if (inner) return inner;
  }
  return null;
}

/** Opens every folded section around the element, scrolls it to the middle of the view and focuses it. */
export function revealField(el: HTMLElement): void {
  for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  // A section folded by other means says so with aria-expanded on its toggle: open it.
  el.dispatchEvent(new CustomEvent('reveal-field', { bubbles: true }));
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
}
