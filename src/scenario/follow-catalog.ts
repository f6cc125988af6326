// A catalog figure follows what it prices. After an edit of an option (its accelerator, provider,
// region, pricing model, market, host or grid country, a price a derived field is computed from)
// or of the settings (the exchange rate), every field that held the catalog's figure takes the new
// one; a field the person overrode keeps its value (the editor shows the new catalog figure next to
// it, one click away); a field the catalog has no figure for any more — or cannot convert, for want
// of a rate — becomes a gap: NaN with its reason, never the old figure and never a zero.
// Uses only the suggestion functions of suggest.ts. Environment-free.
import { isMoneyField } from './convert-currency.ts';
import type { SupplyOption } from './schema.ts';
import { SUGGESTED_FIELDS, roundSuggestion, suggestField, usdPerUnit, type SuggestContext } from './suggest.ts';

export type GapReason = 'noRate' | 'noFigure';

export interface FollowResult {
  /** Fields set to the new item's catalog figure. */
  followed: string[];
  /** Fields the catalog cannot fill now (their value is NaN). */
  gaps: { field: string; reason: GapReason }[];
  /** Fields now filled that were gaps (or waiting). */
  filled: string[];
  /** Catalog fields derived from an input being typed (NaN): they keep their value and follow once it is a number. */
  waiting: string[];
}

/** The fields of an option the catalog suggests, in the order they depend on each other (the server cost after the GPU price). */
export function suggestedFields(o: SupplyOption): readonly string[] {
  return SUGGESTED_FIELDS[o.kind];
}

export function getField(o: SupplyOption, field: string): number | undefined {
  if (field === 'colocationCcyPerKWMonth') return o.kind === 'buy' && o.hosting.kind === 'colocation' ? o.hosting.colocationCcyPerKWMonth : undefined;
  const v = (o as unknown as Record<string, unknown>)[field];
  return typeof v === 'number' ? v : undefined;
}

export function setField(o: SupplyOption, field: string, v: number): void {
  if (field === 'colocationCcyPerKWMonth') {
    if (o.kind === 'buy' && o.hosting.kind === 'colocation') o.hosting.colocationCcyPerKWMonth = v;
    return;
  }
  (o as unknown as Record<string, number>)[field] = v;
}

/** Is a rate missing to show the catalog's (US dollar) prices in the scenario's currency? */
export function rateMissing(ctx: SuggestContext): boolean {
  const r = usdPerUnit(ctx.settings);
  return r === null || !Number.isFinite(r) || r <= 0;
}

/** The catalog's figure for a field, rounded as the editor prefills it; null when there is none (or no rate to convert it). */
export function catalogFigure(o: SupplyOption, field: string, ctx: SuggestContext): number | null {
  // A money figure needs a usable rate (a rate of 0 while the person types would give Infinity).
  if (isMoneyField(field) && rateMissing(ctx)) return null;
  const s = suggestField(o, field, ctx);
  if (s === null || !Number.isFinite(s.value)) return null;
  return roundSuggestion(s.value);
}

const same = (a: number | undefined, b: number | null | undefined) =>
  a !== undefined && b !== null && b !== undefined && (Object.is(a, b) || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));

/** Why the catalog cannot fill a field for this option now. */
export function gapReason(field: string, ctx: SuggestContext): GapReason {
  return isMoneyField(field) && rateMissing(ctx) ? 'noRate' : 'noFigure';
}

/**
 * Updates `after` (the option once edited) in place. `before` is a copy of the option before the
 * edit, with its context; `pending` the fields of this option that are gaps.
 */
export function followCatalog(
  before: SupplyOption,
  beforeCtx: SuggestContext,
  after: SupplyOption,
  afterCtx: SuggestContext,
  pending: ReadonlySet<string> = new Set(),
): FollowResult {
  const out: FollowResult = { followed: [], gaps: [], filled: [], waiting: [] };
  if (before.kind !== after.kind) return out;
  for (const field of suggestedFields(after)) {
    const was = getField(before, field);
    const now = getField(after, field);
    if (was === undefined || now === undefined) continue;
    // The edit itself set this field (the person typed it): it is theirs.
    if (!Object.is(was, now) && !(Number.isNaN(was) && Number.isNaN(now))) continue;
    const fromCatalog = pending.has(field) || same(was, catalogFigure(before, field, beforeCtx));
    if (!fromCatalog) continue;
    // A figure derived from an input being typed or out of bounds (the GPU price cleared to retype
    // it, a count of −3) waits for it: the input's own message is the one to show.
    const raw = suggestField(after, field, afterCtx);
    if (raw !== null && (!Number.isFinite(raw.value) || raw.value < 0) && !(isMoneyField(field) && rateMissing(afterCtx))) {
      if (!pending.has(field)) out.waiting.push(field);
      continue;
    }
    const figure = catalogFigure(after, field, afterCtx);
    if (figure === null) {
      setField(after, field, Number.NaN);
      out.gaps.push({ field, reason: gapReason(field, afterCtx) });
    } else {
      if (!same(now, figure)) {
        setField(after, field, figure);
        out.followed.push(field);
      }
      if (pending.has(field)) out.filled.push(field);
    }
  }
  return out;
}

/**
 * A new option's catalog fields that the catalog could not fill (a rate or a figure is missing):
 * their neutral 0 is replaced by NaN and reported, so that no model reads a missing price as free.
 * Only money fields: a missing price is never "free".
 */
export function markMissing(o: SupplyOption, ctx: SuggestContext): { field: string; reason: GapReason }[] {
  const gaps: { field: string; reason: GapReason }[] = [];
  for (const field of suggestedFields(o)) {
    if (!isMoneyField(field) || getField(o, field) === undefined) continue;
    if (catalogFigure(o, field, ctx) !== null) continue;
    setField(o, field, Number.NaN);
    gaps.push({ field, reason: gapReason(field, ctx) });
  }
  return gaps;
}
