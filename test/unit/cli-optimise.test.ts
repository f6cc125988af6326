// `npm run optimise`: the same function the worker runs, through the one load path.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run optimise', () => {
  it('prints the plan as a scenario in the format, its evaluation, the frontier and the binding constraints', () => {
    const out = execFileSync('npx', ['tsx', 'scripts/optimise.ts', 'test/fixtures/scenarios/optimise-mix-goals.json'], { encoding: 'utf8' });
    const r = JSON.parse(out) as { status: string; plan: { format: string; options: unknown[] }; evaluation: { ok: boolean }; binding: { constraint: string; text: string }[]; frontier: { co2e: unknown[] } };
    expect(r.status).toBe('ok');
    expect(r.plan.format).toBe('compute-planner/scenario');
    expect(r.evaluation.ok).toBe(true);
    expect(r.binding.map((b) => b.constraint)).toContain('capexBudget');
    expect(r.binding[0]!.text).toMatch(/costs \d+ USD/);
    expect(r.frontier.co2e.length).toBeGreaterThan(0);
  }, 60_000);
});
