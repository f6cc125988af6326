// The pooled scenarios whose pool Monte Carlo was saved before it ran in steps
// (test/fixtures/pool-montecarlo-before.json, written by scripts/save-pool-montecarlo.ts):
// the Casablanca example with ranges on a price, a member's demand and the pool's start, split by
// GPU-hours; and the same split by committed share with a range on one member's share.
import { readFileSync } from 'node:fs';
import { loadScenarioText, validateScenario } from '../../../src/scenario/load.ts';
import { addRange, keyOfPath } from '../../../src/scenario/ranges.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';

function withRanges(s: Scenario, paths: string[]): Scenario {
  for (const p of paths) {
    const key = keyOfPath(s, p);
    if (!key || addRange(s, key) < 0) throw new Error(`no range on ${p}`);
  }
  const v = validateScenario(s);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  return v.scenario;
}

export function casablanca(): Scenario {
  const r = loadScenarioText(readFileSync('public/examples/ma-pool-casablanca.json', 'utf8'));
  if (!r.ok) throw new Error('the Casablanca example does not load');
  return r.scenario;
}

export function poolCases(): { name: string; scenario: Scenario; samples: number; seed: number }[] {
  const gpuHours = withRanges(casablanca(), ['options.1.priceCcyPerGpuHour', 'pool.members.0.workload.gpuHoursPerMonth', 'pool.members.1.workload.growthPctPerMonth']);
  const shared = casablanca();
  shared.pool!.splitRule = 'committedShare';
  shared.pool!.firstMemberCommittedSharePct = 50;
  shared.pool!.members[0]!.committedSharePct = 30;
  shared.pool!.members[1]!.committedSharePct = 20;
  const share = withRanges(shared, ['options.1.priceCcyPerGpuHour', 'pool.members.0.committedSharePct']);
  return [
    { name: 'casablanca-gpuHours-1000', scenario: gpuHours, samples: 1000, seed: 1 },
    { name: 'casablanca-gpuHours-137', scenario: gpuHours, samples: 137, seed: 9 },
    { name: 'casablanca-share-137', scenario: share, samples: 137, seed: 4 },
  ];
}
