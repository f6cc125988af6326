// Issue 10, path 2: changing a scenario's currency converts every amount in one step (or, chosen
// explicitly, only relabels). Property: for any scenario and any switch with conversion, every
// money figure of the results scales by the rate (within rounding), and the share link round-trips.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeCurrency, conversionFactor, isMoneyField, scaleAmount } from '../../src/scenario/convert-currency.ts';
import { loadScenarioText, loadScenarioValue } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { decodeScenario, encodeScenario } from '../../src/storage/share-link.ts';
import { evaluateScenario } from '../../workers/models/evaluate.ts';
import { arbRangedScenario, arbScenario, buy, cloud, scenario } from './helpers.ts';

/** Every number under a key that says `Ccy` (and in arrays under it), by path. */
function moneyFigures(x: unknown, path = '', inMoney = false, out = new Map<string, number>()): Map<string, number> {
  if (typeof x === 'number') {
    if (inMoney) out.set(path, x);
  } else if (Array.isArray(x)) {
    x.forEach((v, i) => moneyFigures(v, `${path}.${i}`, inMoney, out));
  } else if (x !== null && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) moneyFigures(v, `${path}.${k}`, inMoney || isMoneyField(k), out);
  }
  return out;
}

/** Equal within rounding: relative to the figures, plus binary noise relative to the largest figure of the result (a residue of 1e-8 where 0 is meant). */
function close(a: number, b: number, scale: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b)) + 1e-9 * scale + 1e-9;
}

describe('money fields', () => {
  it('are the fields whose name says Ccy, nested ones included', () => {
    const s = scenario([buy({ hosting: { kind: 'colocation', colocationCcyPerKWMonth: 200 } })]);
    const r = changeCurrency(s, { to: 'MAD', toUsdPerUnit: 0.1, mode: 'convert' });
    if (!r.ok) throw new Error(r.reason);
    const o = r.scenario.options[0]!;
    const before = s.options[0]!;
    if (o.kind !== 'buy' || before.kind !== 'buy' || o.hosting.kind !== 'colocation') throw new Error('kind');
    expect(o.unitPriceCcyPerGpu).toBe(before.unitPriceCcyPerGpu * 10);
    expect(o.hosting.colocationCcyPerKWMonth).toBe(2000);
    // Not money: unchanged.
    expect(o.gpuCount).toBe(before.gpuCount);
    expect(o.pue).toBe(before.pue);
    expect(r.scenario.settings).toMatchObject({ currency: 'MAD', usdPerCurrencyUnit: 0.1 });
    // The input is untouched.
    expect(s.settings.currency).toBe('USD');
  });

  it('$30,000 at 0.1 USD per MAD is 300,000 MAD, not 30,000 MAD', () => {
    const s = scenario([buy({ unitPriceCcyPerGpu: 30000 })]);
    const r = changeCurrency(s, { to: 'MAD', toUsdPerUnit: 0.1, mode: 'convert' });
    expect(r.ok && r.scenario.options[0]!.kind === 'buy' && r.scenario.options[0]!.unitPriceCcyPerGpu).toBe(300000);
    const relabel = changeCurrency(s, { to: 'MAD', toUsdPerUnit: 0.1, mode: 'relabel' });
    expect(relabel.ok && relabel.scenario.options[0]!.kind === 'buy' && relabel.scenario.options[0]!.unitPriceCcyPerGpu).toBe(30000);
  });

  it('MAD → EUR goes through both rates; back to USD needs none', () => {
    const s = valid({ ...scenario([cloud({ priceCcyPerGpuHour: 50 })]), settings: { ...scenario([cloud()]).settings, currency: 'MAD', usdPerCurrencyUnit: 0.1 } });
    expect(conversionFactor(s, 'EUR', 1.1)).toBeCloseTo(0.1 / 1.1, 15);
    const toUsd = changeCurrency(s, { to: 'USD', toUsdPerUnit: null, mode: 'convert' });
    expect(toUsd.ok && toUsd.scenario.options[0]!.kind === 'cloud' && toUsd.scenario.options[0]!.priceCcyPerGpuHour).toBe(5);
    expect(toUsd.ok && toUsd.scenario.settings).toMatchObject({ currency: 'USD', usdPerCurrencyUnit: null, exchangeRateDate: null });
  });

  it('refuses to convert without a rate (never a zero, never a guess)', () => {
    const s = scenario([buy()]);
    expect(changeCurrency(s, { to: 'MAD', toUsdPerUnit: null, mode: 'convert' })).toEqual({ ok: false, reason: 'noToRate' });
    const mad = { ...s, settings: { ...s.settings, currency: 'MAD' as const, usdPerCurrencyUnit: null } };
    expect(changeCurrency(mad, { to: 'USD', toUsdPerUnit: null, mode: 'convert' })).toEqual({ ok: false, reason: 'noFromRate' });
  });

  it('keeps a field being typed (NaN) as it is', () => {
    expect(scaleAmount(Number.NaN, 10)).toBeNaN();
    expect(scaleAmount(0.1 * 3, 10)).toBe(3);
  });
});

describe('an import whose amounts are not in one currency is refused', () => {
  it('a per-field currency is not part of the format: the load path refuses it with the field named', () => {
    const s = scenario([buy()]);
    const mixed = JSON.parse(JSON.stringify(s)) as Record<string, unknown> & { options: Record<string, unknown>[] };
    mixed.options[0]!.unitPriceCurrency = 'EUR';
    const r = loadScenarioValue(mixed);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toContain('unitPriceCurrency');
  });
});

function valid(s: Scenario): Scenario {
  const r = loadScenarioValue(s);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.scenario;
}

const arbSwitch = fc.record({
  fromMad: fc.boolean(),
  fromRate: fc.double({ min: 0.01, max: 2, noNaN: true }),
  to: fc.constantFrom('USD' as const, 'EUR' as const, 'MAD' as const),
  toRate: fc.double({ min: 0.01, max: 2, noNaN: true }),
});

describe('property: every money figure of the results scales by the rate', () => {
  for (const [name, arb] of [
    ['any scenario', arbScenario],
    ['any scenario with ranges', arbRangedScenario(false)],
  ] as const) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(arb, arbSwitch, async (s0, sw) => {
          const s = sw.fromMad ? valid({ ...s0, settings: { ...s0.settings, currency: 'MAD', usdPerCurrencyUnit: sw.fromRate } }) : s0;
          fc.pre(sw.to !== s.settings.currency);
          const r = changeCurrency(s, { to: sw.to, toUsdPerUnit: sw.toRate, rateDate: '2026-11-30', mode: 'convert' });
          if (!r.ok) throw new Error(r.reason);
          const loaded = loadScenarioValue(r.scenario);
          // A converted amount above a field's bound is refused like a typed one (the field says so).
          fc.pre(loaded.ok);
          const factor = r.factor!;
          const a = moneyFigures(evaluateScenario(s));
          const b = moneyFigures(evaluateScenario(r.scenario));
          expect(a.size).toBeGreaterThan(0);
          expect([...b.keys()]).toEqual([...a.keys()]);
          const scale = Math.max(...[...b.values()].map(Math.abs).filter(Number.isFinite));
          for (const [path, x] of a) {
            if (!close(b.get(path)!, x * factor, scale)) throw new Error(`${path}: ${x} × ${factor} ≠ ${b.get(path)}`);
          }
          // The converted scenario travels in a share link unchanged.
          const decoded = await decodeScenario(`#${await encodeScenario(r.scenario)}`);
          if (!decoded.ok) throw new Error(JSON.stringify(decoded.error));
          const again = loadScenarioText(decoded.text);
          // (JSON writes −0 as 0, as any share link does.)
          expect(again.ok && again.scenario).toEqual(JSON.parse(JSON.stringify(r.scenario)));
        }),
        { numRuns: 60 },
      );
    });
  }
});
