// The Monte Carlo's slots are derived from the field table (issue 11): every rangeable field of the
// table has a slot, and every slot a range may write is a rangeable field; each slot holds its field.
import { describe, expect, it } from 'vitest';
import { fieldPlace, FIELDS, holderFields, RANGE_HOLDERS, RANGEABLE_FIELDS, type FieldName } from '../../../src/scenario/fields.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';
import { B, BUY_LAYOUT, R, RANGE_SLOTS, RENTED_LAYOUT, W, WORKLOAD_SLOTS, compilePlan } from '../../../workers/models/uncertainty/plan.ts';
import { buy, cloud, market, rangeCandidates, scenario, valid } from '../helpers.ts';

describe('engine slots, derived from the field table', () => {
  it('every rangeable field of each holder has a slot, and every range slot is a rangeable field', () => {
    for (const h of RANGE_HOLDERS) {
      expect(Object.keys(RANGE_SLOTS[h]).sort(), h).toEqual([...RANGEABLE_FIELDS[h]].sort());
      for (const slot of Object.values(RANGE_SLOTS[h])) expect(Number.isInteger(slot), h).toBe(true);
    }
    const rangeableInTable = (Object.keys(FIELDS) as FieldName[]).filter((n) => (FIELDS[n] as { rangeable?: true }).rangeable);
    const withSlot = new Set(RANGE_HOLDERS.flatMap((h) => Object.keys(RANGE_SLOTS[h])));
    // pool (issue 15): the committed shares have no slot — they move only the pool's split (pool-montecarlo.ts draws them).
    expect([...withSlot].sort()).toEqual(rangeableInTable.filter((n) => !['goals', 'uncertainty', 'pool', 'poolMember'].includes(fieldPlace(n))).sort());
    expect(rangeableInTable.filter((n) => ['pool', 'poolMember'].includes(fieldPlace(n))).sort()).toEqual(['committedSharePct', 'firstMemberCommittedSharePct']);
  });

  it('each block gives every field of its holders its own slot, inside the block', () => {
    for (const [l, names, size] of [
      [BUY_LAYOUT, Object.keys(B), B.SIZE],
      [RENTED_LAYOUT, Object.keys(R), R.SIZE],
    ] as const) {
      const slots = Object.values(l.slot);
      expect(new Set(slots).size).toBe(slots.length);
      expect(Math.max(...slots)).toBe(size - 1);
      expect(names.length).toBeGreaterThan(0);
    }
    expect(BUY_LAYOUT.fields).toEqual(holderFields('buy'));
    for (const kind of ['gpuHours', 'training', 'inference'] as const) {
      expect(Object.keys(WORKLOAD_SLOTS[kind])).toEqual(holderFields(kind));
      expect(Math.max(...Object.values(WORKLOAD_SLOTS[kind]))).toBeLessThan(W.peakTflops);
    }
  });

  /** The scenario with `field` of the candidate's holder set to `value` (in the option, its hosting or its financing). */
  function withValue(s: Scenario, target: string, optionId: string | null, field: FieldName, value: number): Scenario {
    const t = structuredClone(s) as unknown as { settings: Record<string, number>; workload: Record<string, number>; options: Record<string, unknown>[] };
    const o = t.options.find((x) => x.id === optionId);
    const place = fieldPlace(field);
    const holder = target === 'settings' ? t.settings : target === 'workload' ? t.workload : ((place === 'hosting' ? o!.hosting : place === 'financing' ? o!.financing : o) as Record<string, number>);
    holder[field] = value;
    return t as unknown as Scenario;
  }

  it('a range writes to the slot its own field is read from (changing the field changes that slot and no other)', () => {
    const s = valid(
      scenario(
        [buy({ financing: { kind: 'loan', annualRatePct: 5, termMonths: 24 } }), buy({ id: 'colo', name: 'Colo', hosting: { kind: 'colocation', colocationCcyPerKWMonth: 150 } }), cloud({ demandSharePct: 50 }), market({ demandSharePct: 50 })],
        { months: 24 },
      ),
    );
    const candidates = rangeCandidates(s);
    // Every rangeable field of each kind present is covered.
    expect(candidates.length).toBeGreaterThan(40);
    for (const c of candidates) {
      const field = c.field as FieldName;
      const next = c.value + 1 <= c.max ? c.value + 1 : c.value - 1;
      const range = { target: c.target, optionId: c.optionId, field, low: c.value, high: c.value, shape: 'uniform' as const };
      const before = compilePlan({ ...s, uncertainty: { ...s.uncertainty, ranges: [range] } });
      const after = compilePlan(withValue({ ...s, uncertainty: { ...s.uncertainty, ranges: [range] } }, c.target, c.optionId, field, next));
      const input = before.inputs[0]!;
      const blockAfter = after.inputs[0]!.block;
      const changed = [...input.block.keys()].filter((i) => !Object.is(input.block[i], blockAfter[i]));
      expect(changed, `${c.target} ${c.optionId ?? ''} ${field}`).toEqual([input.slot]);
    }
  });
});
