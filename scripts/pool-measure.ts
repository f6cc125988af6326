import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../src/scenario/load.ts';
import { evaluatePlanning } from '../workers/models/pool.ts';
const r = loadScenarioText(readFileSync(process.argv[2]!, 'utf8'));
if (!r.ok) { console.log(JSON.stringify(r.error).slice(0, 2000)); process.exit(1); }
const e = evaluatePlanning(r.scenario);
const p = e.pool!;
const f = (x: number) => Math.round(x).toLocaleString('en');
for (const m of p.members) console.log(m.name, 'demand', f(m.demandRefGpuHours), 'alone', f(m.aloneCcy), m.aloneBest, m.aloneServesAll, 'inPool', f(m.inPoolCcy), '(shared', f(m.sharedCcy), 'payg', f(m.payAsYouGoCcy), ') saving', f(m.savingCcy), 'kgCO2e', f(m.inPoolKgCO2e));
console.log('pool', f(p.poolCcy), 'alone', f(p.aloneCcy), 'saving', f(p.savingCcy), 'util pooled', p.utilisationPooled, 'alone', p.utilisationAlone, 'cap', f(p.sharedCapacityRefGpuHours), e.currency);
for (const o of e.options) console.log(o.id, o.name, f(o.inMix.totals.costCcy), f(o.inMix.totals.servedRefGpuHours));
