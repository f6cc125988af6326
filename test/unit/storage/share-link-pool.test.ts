// Pooling (issue 15): a pooled scenario — the Casablanca example, with a range on a member's demand —
// round-trips through a share link to the same members, the same per-member figures and the same range.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addRange } from '../../../src/scenario/ranges.ts';
import { loadScenarioText } from '../../../src/scenario/load.ts';
import { decodeScenario, encodeScenario } from '../../../src/storage/share-link.ts';
import { evaluatePlanning } from '../../../workers/models/pool.ts';
import { tornado } from '../../../workers/models/uncertainty/tornado.ts';

describe('share link of a pool', () => {
  it('round-trips the members, their results and a range on a member', async () => {
    const loaded = loadScenarioText(readFileSync('public/examples/ma-pool-casablanca.json', 'utf8'));
    if (!loaded.ok) throw new Error('example does not load');
    const s = loaded.scenario;
    expect(s.pool!.members.length).toBeGreaterThan(0);
    const w = s.pool!.members[0]!.workload;
    const field = w.kind === 'gpuHours' ? 'gpuHoursPerMonth' : w.kind === 'training' ? 'mfuPct' : 'tokensPerSecond';
    expect(addRange(s, { target: 'member', optionId: null, memberIndex: 0, field })).toBeGreaterThanOrEqual(0);
    const decoded = await decodeScenario(`https://planner.example/#${await encodeScenario(s)}`);
    if (!decoded.ok) throw new Error('link does not decode');
    const again = loadScenarioText(decoded.text);
    if (!again.ok) throw new Error('decoded link does not load');
    expect(again.scenario.pool).toEqual(s.pool);
    expect(again.scenario.uncertainty.ranges.at(-1)).toMatchObject({ target: 'member', memberIndex: 0, field });
    const [a, b] = [evaluatePlanning(s).pool!, evaluatePlanning(again.scenario).pool!];
    expect(b.members.map((m) => [m.name, m.inPoolCcy, m.aloneCcy, m.savingCcy])).toEqual(a.members.map((m) => [m.name, m.inPoolCcy, m.aloneCcy, m.savingCcy]));
    expect(b.members.length).toBe(s.pool!.members.length + 1);
    // The range is read by the tornado after the round trip as before it.
    expect(tornado(again.scenario).bars.at(-1)!.atHigh).toEqual(tornado(s).bars.at(-1)!.atHigh);
  });
});
