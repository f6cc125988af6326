// Ranges on inputs, as the editor handles them: which input a field path is, the range on it,
// a first range around its value, and pruning ranges whose input no longer exists. Zod-free (the
// page uses it; the schema in the worker is what validates a range).
import { INTEGER_FIELDS, MAX_RANGES, RANGE_BOUNDS, isRangeable } from './constants.ts';
import type { RangeHolder, SplitHolder } from './fields.ts';
import type { Range, Scenario } from './schema.ts';

/** The input a range is about. */
export type RangeKey = Pick<Range, 'target' | 'optionId' | 'field' | 'memberIndex'>;

export function sameKey(a: RangeKey, b: RangeKey): boolean {
  return a.target === b.target && a.optionId === b.optionId && a.field === b.field && a.memberIndex === b.memberIndex;
}

/** Where an input lives: the object holding it, and what kind of holder that is. */
function holderOf(s: Scenario, key: RangeKey): { object: Record<string, unknown>; kind: RangeHolder | SplitHolder } | null {
  // pool (issue 15): the pool's own input (the first member's committed share).
  // A share counts only under the committed-share rule: under another, its range is dropped (pruneRanges).
  if (key.target === 'pool') return s.pool?.splitRule === 'committedShare' && Object.hasOwn(s.pool, key.field) ? { object: s.pool as unknown as Record<string, unknown>, kind: 'pool' } : null;
  if (key.target === 'settings') return { object: s.settings as unknown as Record<string, unknown>, kind: 'settings' };
  if (key.target === 'workload') {
    // tokens (issue 15): the inference workload's load profile sub-object.
    const tokens = s.workload.kind === 'inference' ? s.workload.tokens : undefined;
    if (tokens && Object.hasOwn(tokens, key.field)) return { object: tokens as unknown as Record<string, unknown>, kind: 'inference' };
    return { object: s.workload as unknown as Record<string, unknown>, kind: s.workload.kind };
  }
  if (key.target === 'member') {
    // pool (issue 15): a member's own workload.
    const m = key.memberIndex === undefined ? undefined : s.pool?.members[key.memberIndex];
    if (m && Object.hasOwn(m.workload, key.field)) return { object: m.workload as unknown as Record<string, unknown>, kind: m.workload.kind };
    // Its committed share (the member itself).
    return m && key.field === 'committedSharePct' && s.pool!.splitRule === 'committedShare' ? { object: m as unknown as Record<string, unknown>, kind: 'poolMember' } : null;
  }
  const o = s.options.find((x) => x.id === key.optionId);
  if (!o) return null;
  const own = o as unknown as Record<string, unknown>;
  if (Object.hasOwn(own, key.field)) return { object: own, kind: o.kind };
  // footprint (issue 12): the option's footprint sub-object.
  if (o.footprint && Object.hasOwn(o.footprint, key.field)) return { object: o.footprint as unknown as Record<string, unknown>, kind: o.kind };
  // failures (issue 15): the option's failures sub-object.
  if (o.failures && Object.hasOwn(o.failures, key.field)) return { object: o.failures as unknown as Record<string, unknown>, kind: o.kind };
  if (o.kind === 'buy') {
    for (const nested of [o.hosting, o.financing] as unknown as Record<string, unknown>[]) {
      if (Object.hasOwn(nested, key.field) && key.field !== 'kind') return { object: nested, kind: 'buy' };
    }
  }
  return null;
}

/** The input a field path of the editor ("options.0.pue", "workload.gpuHoursPerMonth") is, if a range may be put on it. */
export function keyOfPath(s: Scenario, path: string): RangeKey | null {
  const parts = path.split('.');
  let key: RangeKey | null = null;
  if (parts[0] === 'settings' && parts.length === 2) key = { target: 'settings', optionId: null, field: parts[1]! };
  else if (parts[0] === 'workload' && (parts.length === 2 || (parts.length === 3 && parts[1] === 'tokens'))) key = { target: 'workload', optionId: null, field: parts.at(-1)! };
  else if (parts[0] === 'pool' && parts[1] === 'members' && parts[3] === 'workload' && parts.length === 5) {
    key = { target: 'member', optionId: null, memberIndex: Number(parts[2]), field: parts[4]! };
  } else if (parts[0] === 'pool' && parts[1] === 'members' && parts.length === 4) key = { target: 'member', optionId: null, memberIndex: Number(parts[2]), field: parts[3]! };
  else if (parts[0] === 'pool' && parts.length === 2) key = { target: 'pool', optionId: null, field: parts[1]! }; else if (parts[0] === 'options' && parts.length >= 3) {
    const o = s.options[Number(parts[1])];
    if (o) key = { target: 'option', optionId: o.id, field: parts.at(-1)! };
  }
  if (!key) return null;
  const holder = holderOf(s, key);
  return holder && isRangeable(holder.kind, key.field) ? key : null;
}

/** Sets the input a range is about to `value` (the Monte Carlo of a pool writes each sample into a copy); false when it does not exist. */
export function setValue(s: Scenario, key: RangeKey, value: number): boolean {
  const holder = holderOf(s, key);
  if (!holder) return false;
  holder.object[key.field] = value;
  return true;
}

/** The current value of the input a range is about (null when it has none, or no longer exists). */
export function valueOf(s: Scenario, key: RangeKey): number | null {
  const v = holderOf(s, key)?.object[key.field];
  return typeof v === 'number' ? v : null;
}

export function rangeIndex(s: Scenario, key: RangeKey): number {
  return s.uncertainty.ranges.findIndex((r) => sameKey(r, key));
}

/**
 * A first range around the input's value: ±20 % (whole numbers for whole-number inputs), within
 * what the input accepts, normal. The person then says what they believe; an input at 0 starts
 * collapsed at 0.
 */
export function defaultRange(key: RangeKey, value: number): Range {
  const spread = Math.abs(value) * 0.2;
  const [min, max] = RANGE_BOUNDS[key.field] ?? [-Infinity, Infinity];
  let low = Math.max(min, value - spread);
  let high = Math.min(max, value + spread);
  if (INTEGER_FIELDS.has(key.field)) {
    low = Math.max(min, Math.floor(low));
    high = Math.min(max, Math.ceil(high));
  } else {
    // Rounded to 6 significant digits, never past the value itself.
    low = Math.min(value, Number(low.toPrecision(6)));
    high = Math.max(value, Number(high.toPrecision(6)));
  }
  const member = key.target === 'member' ? { memberIndex: key.memberIndex } : {};
  return { target: key.target, optionId: key.optionId, ...member, field: key.field, low, high, shape: 'normal' };
}

/** Adds a range on the input (if it has a value and the scenario has room); returns its index or -1. */
export function addRange(s: Scenario, key: RangeKey): number {
  const existing = rangeIndex(s, key);
  if (existing >= 0) return existing;
  const value = valueOf(s, key);
  if (value === null || !Number.isFinite(value) || s.uncertainty.ranges.length >= MAX_RANGES) return -1;
  s.uncertainty.ranges.push(defaultRange(key, value));
  return s.uncertainty.ranges.length - 1;
}

export function removeRange(s: Scenario, key: RangeKey): void {
  const i = rangeIndex(s, key);
  if (i >= 0) s.uncertainty.ranges.splice(i, 1);
}

/**
 * Drops the ranges whose input no longer exists (its option was removed, or the workload, hosting
 * or financing changed kind). A range on an input that still exists is kept even when invalid: the
 * person sees its message and decides.
 */
export function pruneRanges(s: Scenario): number {
  const before = s.uncertainty.ranges.length;
  const kept = s.uncertainty.ranges.filter((r) => {
    const holder = holderOf(s, r);
    return holder !== null && isRangeable(holder.kind, r.field);
  });
  if (kept.length !== before) s.uncertainty.ranges = kept;
  return before - kept.length;
}

/**
 * pool (issue 15): removes member i of `pool.members` with its ranges, and renumbers the ranges on
 * the members after it (a range names its member by index). Removing the last member removes the pool.
 */
export function removeMember(s: Scenario, i: number): void {
  if (!s.pool || !s.pool.members[i]) return;
  s.pool.members.splice(i, 1);
  s.uncertainty.ranges = s.uncertainty.ranges
    .filter((r) => !(r.target === 'member' && r.memberIndex === i))
    .map((r) => (r.target === 'member' && r.memberIndex! > i ? { ...r, memberIndex: r.memberIndex! - 1 } : r));
  if (s.pool.members.length === 0) delete s.pool;
}
