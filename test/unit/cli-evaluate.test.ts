import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const examples = readdirSync('public/examples').filter((f) => f.endsWith('.json'));

function run(file: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/evaluate.ts', file], { encoding: 'utf8' });
}

describe('npm run evaluate', () => {
  it.each(examples)('succeeds on public/examples/%s and prints the result as JSON', (f) => {
    const r = run(`public/examples/${f}`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.months).toBeGreaterThan(0);
    expect(result.mix.totals.costCcy).toBeGreaterThan(0);
  });

  it('refuses an invalid file through the load path, with the field and the message', () => {
    const r = run('test/fixtures/invalid/negative-gpus.json');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('options[0].gpuCount');
  });
});
