// Scenarios for the state tests (the unit helpers' builders, plus one range).
import type { Scenario } from '../../../src/scenario/schema.ts';
import { valid } from '../helpers.ts';

export { buy, cloud, market, scenario } from '../helpers.ts';

/** `s` with its first option's price uncertain (±25 %, normal), 1,000 samples. */
export function withRanges(s: Scenario): Scenario {
  const o = s.options[0]!;
  const price = (o as { priceCcyPerGpuHour: number }).priceCcyPerGpuHour;
  return valid({
    ...s,
    uncertainty: {
      samples: 1000,
      seed: 1,
      ranges: [{ target: 'option', optionId: o.id, field: 'priceCcyPerGpuHour', low: price * 0.75, high: price * 1.25, shape: 'normal' }],
    },
  } as Scenario);
}
