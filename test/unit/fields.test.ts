// The field table (src/scenario/fields.ts) against the zod schema and the code derived from it:
// every numeric leaf of the schema has exactly one row and every row is a leaf, with the same
// bounds; ranges accept what the schema accepts; the catalog column says what suggestField does.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { en } from '../../src/i18n/en.ts';
import { fr } from '../../src/i18n/fr.ts';
import { messages as ownAcceleratorMessages } from '../../src/i18n/areas/own-accelerator.ts';
import { translatorOf } from '../../src/i18n/translate.ts';
import { catalog } from '../../src/catalog/index.ts';
import { DEFAULT_SETTINGS, newBuyOption, newCloudOption, newDecentralisedOption } from '../../src/scenario/defaults.ts';
import { FIELDS, KIND_PLACE, PREFILLED_FIELDS, fieldPath, fieldsOf, SPLIT_RANGEABLE_FIELDS, startValues, type FieldKind, type FieldName } from '../../src/scenario/fields.ts';
import { INTEGER_FIELDS, RANGEABLE_FIELDS, RANGE_BOUNDS, numberBounds, scenarioSchema } from '../../src/scenario/schema.ts';
import { suggestField } from '../../src/scenario/suggest.ts';
import { fieldProps } from '../../src/ui/editor/field-props.ts';

interface Leaf {
  /** The kind of the object holding it ("buy", "colocation", "settings"…) and the field's name. */
  kind: string;
  name: string;
  path: string;
  min: number;
  max: number;
  integer: boolean;
  nullable: boolean;
}

/**
 * Every numeric leaf of the zod schema, found by walking it. An object's kind is its `kind`
 * literal, or the key it sits under (settings, uncertainty). The ends of a range (`low`, `high`)
 * are not fields: they take the bounds of the field the range is on, checked by the schema.
 */
function numericLeaves(schema: z.ZodType): Leaf[] {
  const out: Leaf[] = [];
  const walk = (s: z.ZodType, path: string, key: string) => {
    if (s instanceof z.ZodObject) {
      const shape = s.shape as Record<string, z.ZodType>;
      const kindSchema = shape.kind;
      const kind = kindSchema instanceof z.ZodLiteral ? String(kindSchema.value) : key;
      for (const [name, child] of Object.entries(shape)) {
        const b = numberBounds(child);
        if (b) {
          if (path === 'uncertainty.ranges[]' && (name === 'low' || name === 'high')) continue;
          out.push({ kind, name, path: `${path}.${name}`, ...b, nullable: child instanceof z.ZodNullable });
        } else walk(child, path ? `${path}.${name}` : name, name);
      }
    } else if (s instanceof z.ZodDiscriminatedUnion) {
      for (const o of s.options as z.ZodType[]) walk(o, path, key);
    } else if (s instanceof z.ZodArray) {
      // A pool's members (issue 15) are objects of kind "poolMember".
      walk(s.element as z.ZodType, `${path}[]`, key === 'members' ? 'poolMember' : key);
    } else if (s instanceof z.ZodNullable || s instanceof z.ZodOptional) {
      walk(s.unwrap() as z.ZodType, path, key);
    }
  };
  walk(schema, '', '');
  return out;
}

// An option's footprint sub-object (issue 12) is one schema shared by the three kinds of option: one leaf each.
const leaves = [...new Map(numericLeaves(scenarioSchema).map((l) => [`${l.kind}.${l.name}.${l.path}`, l])).values()];
const names = Object.keys(FIELDS) as FieldName[];

describe('the field table', () => {
  it('the walk finds the numbers of every part of the scenario', () => {
    // A guard on the walker itself: were it to miss a part, the test below would prove little.
    const kinds = new Set(leaves.map((l) => l.kind));
    expect([...kinds].sort()).toEqual(Object.keys(KIND_PLACE).sort());
    expect(leaves.length).toBeGreaterThan(60);
  });

  it('every numeric leaf of the schema has exactly one row, and every row is a leaf, with the same bounds', () => {
    const fromSchema = leaves.filter((l) => !l.path.startsWith('pool.members[].workload.')).map((l) => `${l.kind}.${l.name} [${l.min}, ${l.max}]${l.integer ? ' integer' : ''}${l.nullable ? ' nullable' : ''}`).sort();
    const fromTable = names
      .flatMap((n) => {
        const f = FIELDS[n];
        return f.kinds.map(
          (k) => `${k}.${n} [${f.min}, ${f.max}]${'integer' in f ? ' integer' : ''}${'nullable' in f ? ' nullable' : ''}`,
        );
      })
      .sort();
    expect(fromTable).toEqual(fromSchema);
    // One row per leaf: a name is never two rows, and no (kind, name) appears twice.
    expect(new Set(fromSchema).size).toBe(fromSchema.length);
  });

  it('a row sits in one place, and its path is where the schema has it', () => {
    for (const n of names) {
      const places = new Set(FIELDS[n].kinds.map((k: FieldKind) => KIND_PLACE[k]));
      expect(places.size, n).toBe(1);
      // A pool member's workload (issue 15) is the same workload object as the scenario's: its rows are the workload's.
      const paths = new Set(leaves.filter((l) => l.name === n && !l.path.startsWith('pool.members[].workload.')).map((l) => l.path.replace('options[]', 'options.*').replace('ownAccelerators[]', 'ownAccelerators.*').replace('pool.members[]', 'pool.members.*')));
      expect([...paths], n).toEqual([fieldPath(n)]);
    }
  });

  it('range bounds are the zod bounds of every rangeable input, and only of those', () => {
    // pool (issue 15): the committed shares too (rangeable, with no kernel slot: they move only the split).
    const rangeable = new Set([...Object.values(RANGEABLE_FIELDS).flat(), ...Object.values(SPLIT_RANGEABLE_FIELDS).flat()]);
    expect(Object.keys(RANGE_BOUNDS).sort()).toEqual([...rangeable].sort());
    for (const l of leaves) if (rangeable.has(l.name as FieldName)) expect(RANGE_BOUNDS[l.name], l.path).toEqual([l.min, l.max]);
  });

  it('whole-number inputs are the schema’s integers', () => {
    expect([...INTEGER_FIELDS].sort()).toEqual([...new Set(leaves.filter((l) => l.integer).map((l) => l.name))].sort());
  });

  it('ranges are put on inputs of their holder: a purchase’s hosting and financing belong to it', () => {
    expect(RANGEABLE_FIELDS.buy).toContain('colocationCcyPerKWMonth');
    expect(RANGEABLE_FIELDS.buy).toContain('termMonths');
    expect(RANGEABLE_FIELDS.decentralised).toContain('reliabilityOverheadPct');
    expect(RANGEABLE_FIELDS.cloud).not.toContain('reliabilityOverheadPct');
    expect(RANGEABLE_FIELDS.cloud).not.toContain('demandSharePct');
    expect(RANGEABLE_FIELDS.settings).toEqual(['discountRatePctPerYear']);
    expect(fieldsOf('loan')).toEqual(['annualRatePct', 'termMonths']);
  });

  it('every row has a label in English and French (the page dictionary, or the area of the form that shows it)', () => {
    const areaEn: Record<string, string> = ownAcceleratorMessages.en;
    const areaFr: Record<string, string> = ownAcceleratorMessages.fr;
    for (const n of names) {
      const k = FIELDS[n].label;
      expect((en as Record<string, string>)[k] ?? areaEn[k], n).toBeTruthy();
      expect((fr as Record<string, string>)[k] ?? areaFr[k], n).toBeTruthy();
    }
  });

  it('an editor row reads its label and unit from the table, in the scenario’s currency', () => {
    const t = translatorOf(en);
    expect(fieldProps('priceCcyPerGpuHour', t, 'MAD')).toEqual({ label: 'Price per GPU-hour', unit: 'MAD per GPU-hour' });
    expect(fieldProps('unitPriceCcyPerGpu', t, 'EUR').unit).toBe('EUR');
    expect(fieldProps('reliabilityOverheadPct', t, 'USD').unit).toBe('%');
    expect(fieldProps('gpuCount', t, 'USD').unit).toBeUndefined();
    expect(fieldProps('usdPerCurrencyUnit', t, 'MAD').unit).toBe('USD per MAD');
    expect(fieldProps('usdPerCurrencyUnit', t, 'MAD').label).toContain('MAD');
  });

  it('the catalog column says which fields the catalog prefills, and suggestField agrees', () => {
    const ctx = { settings: DEFAULT_SETTINGS };
    // Options on every market and cloud provider of the catalog: a prefilled field gets a figure in
    // at least one of them (a market may publish no fee), any other field in none.
    const options = [
      newBuyOption(ctx, []),
      ...catalog.cloudProviders.map((p) => ({ ...newCloudOption(ctx, []), provider: p.name })),
      ...catalog.decentralisedMarkets.map((m) => ({ ...newDecentralisedOption(ctx, []), market: m.name })),
    ];
    for (const kind of ['buy', 'cloud', 'decentralised'] as const) {
      const fields = [...fieldsOf(kind), ...(kind === 'buy' ? [...fieldsOf('colocation'), ...fieldsOf('onPrem'), ...fieldsOf('loan')] : [])];
      for (const n of fields) {
        const suggested = options.filter((o) => o.kind === kind).some((o) => suggestField(o, n, ctx) !== null);
        expect(suggested, `${kind}.${n}`).toBe(PREFILLED_FIELDS[kind].includes(n));
      }
    }
  });

  it('a new option starts from the table’s values, within its bounds, and the catalog fills the rest', () => {
    for (const n of names) {
      const f: { kinds: readonly FieldKind[]; min: number; max: number; nullable?: true; default?: number | null } = FIELDS[n];
      const created = f.kinds.some((k) => ['option', 'hosting', 'financing', 'poolMember', 'footprint', 'failures'].includes(KIND_PLACE[k]));
      expect(f.default !== undefined, n).toBe(created);
      if (typeof f.default === 'number') expect(f.default >= f.min && f.default <= f.max, n).toBe(true);
      if (f.default === null) expect(f.nullable, n).toBe(true);
    }
    const ctx = { settings: DEFAULT_SETTINGS };
    const b = newBuyOption(ctx, []);
    const c = newCloudOption(ctx, []);
    const d = newDecentralisedOption(ctx, []);
    for (const o of [b, c, d]) {
      for (const n of fieldsOf(o.kind)) {
        if (!PREFILLED_FIELDS[o.kind].includes(n)) expect((o as unknown as Record<string, unknown>)[n], `${o.kind}.${n}`).toBe(FIELDS[n].default);
      }
    }
    expect(startValues('loan')).toEqual({ annualRatePct: 0, termMonths: 36 });
  });
});
