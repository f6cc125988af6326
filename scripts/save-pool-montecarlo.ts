// Writes test/fixtures/pool-montecarlo-before.json: the pool Monte Carlo of the cases in
// test/unit/models/pool-montecarlo-cases.ts, as computed by runPoolMonteCarlo (saved once, before
// it ran in steps; the steps test compares against it bit for bit).
import { writeFileSync } from 'node:fs';
import { runPoolMonteCarlo } from '../workers/models/uncertainty/pool-montecarlo.ts';
import { poolCases } from '../test/unit/models/pool-montecarlo-cases.ts';

const out: Record<string, unknown> = {};
for (const c of poolCases()) out[c.name] = runPoolMonteCarlo(c.scenario, { samples: c.samples, seed: c.seed });
writeFileSync('test/fixtures/pool-montecarlo-before.json', JSON.stringify(out) + '\n');
