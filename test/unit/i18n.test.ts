import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/index.ts';
import { en } from '../../src/i18n/en.ts';
import { fr } from '../../src/i18n/fr.ts';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { CLOUD_PRICING_MODELS, CURRENCIES } from '../../src/scenario/constants.ts';
import { evaluateScenario } from '../../workers/models/evaluate.ts';
import { COST_CATEGORIES, type Sentence } from '../../workers/models/types.ts';
import { TIERS } from '../../workers/models/dependency.ts';

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.(ts|svelte)$/.test(p)) out.push(p);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the two dictionaries', () => {
  it('have exactly the same keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });
  it('have no empty string', () => {
    for (const [k, v] of [...Object.entries(en), ...Object.entries(fr)]) expect(v.trim(), k).not.toBe('');
  });
  it('use the same placeholders for each key', () => {
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(fr[k]), k).toEqual(placeholders(en[k]));
  });
});

// The messages of views that load on demand (src/i18n/areas/<area>.ts, see src/i18n/area.ts).
const areas = Object.entries(
  import.meta.glob<{ messages: { en: Record<string, string>; fr: Record<string, string> } }>('../../src/i18n/areas/*.ts', { eager: true }),
).map(([file, m]) => ({ file, ...m.messages }));
const areaKeys = new Set(areas.flatMap((a) => Object.keys(a.en)));

describe('the dictionaries of views loaded on demand', () => {
  it('each have the same keys, no empty string and the same placeholders in both languages', () => {
    expect(areas.map((a) => a.file)).toContain('../../src/i18n/areas/report.ts');
    for (const a of areas) {
      expect(Object.keys(a.fr).sort(), a.file).toEqual(Object.keys(a.en).sort());
      for (const [k, v] of [...Object.entries(a.en), ...Object.entries(a.fr)]) expect(v.trim(), `${a.file} ${k}`).not.toBe('');
      for (const k of Object.keys(a.en)) expect(placeholders(a.fr[k]!), `${a.file} ${k}`).toEqual(placeholders(a.en[k]!));
    }
  });
  it('never redefine a key of the page dictionary or of another area', () => {
    const seen = new Map<string, string>();
    for (const a of areas)
      for (const k of Object.keys(a.en)) {
        expect(k in en, `${a.file} redefines ${k} of en.ts`).toBe(false);
        expect(seen.get(k), `${k} is in ${seen.get(k)} and ${a.file}`).toBeUndefined();
        seen.set(k, a.file);
      }
  });
});

describe('every key the code asks for exists', () => {
  const source = [...files('src'), ...files('workers')].map((f) => readFileSync(f, 'utf8')).join('\n');
  it('static keys in t(...) calls', () => {
    const keys = [...source.matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(100);
    expect(keys.filter((k) => !(k in en) && !areaKeys.has(k))).toEqual([]);
  });
  it('keys built from model values', () => {
    const needed = [
      ...TIERS.map((x) => `tier.${x}`),
      ...['high', 'moderate', 'unconcentrated'].map((x) => `band.${x}`),
      ...['high', 'medium', 'low', 'unknown'].map((x) => `level.${x}`),
      ...COST_CATEGORIES.map((x) => `category.${x}`),
      ...catalog.criticalMinerals.map((m) => `mineral.${m.id}`),
      ...[...CLOUD_PRICING_MODELS, ...catalog.cloudPrices.map((p) => p.pricingModel)].map((x) => `pricing.${x}`),
      ...CURRENCIES.map((x) => `currency.${x}`),
      ...['buy', 'cloud', 'decentralised'].map((x) => `kind.${x}`),
      ...['gpuHours', 'training', 'inference'].flatMap((x) => [`workload.kind.${x}`, `workload.help.${x}`]),
      'export.summary.events',
    ];
    expect(needed.filter((k) => !(k in en))).toEqual([]);
  });
  it('custom validation rules of the schema', () => {
    const schema = readFileSync('src/scenario/schema.ts', 'utf8');
    // issue(path, 'key', ...) where path is an array literal or at('field').
    const keys = [...schema.matchAll(/issue\(\s*(?:\[[^\]]*\]|at\([^)]*\)),\s*'([a-zA-Z]+)'/g)].map((m) => `issue.${m[1]}`);
    expect(keys.length).toBeGreaterThanOrEqual(14);
    expect(keys.filter((k) => !(k in en))).toEqual([]);
  });
  it('sentences the models write for every example', () => {
    const keys = new Set<string>();
    const collect = (x: unknown) => {
      if (Array.isArray(x)) x.forEach(collect);
      else if (x && typeof x === 'object') {
        const s = x as Sentence;
        if (typeof s.key === 'string' && typeof s.params === 'object') keys.add(s.key);
        Object.values(x).forEach(collect);
      }
    };
    for (const f of readdirSync('public/examples').filter((x) => x.endsWith('.json'))) {
      const r = loadScenarioText(readFileSync(`public/examples/${f}`, 'utf8'));
      if (r.ok) collect(evaluateScenario(r.scenario));
    }
    expect(keys.size).toBeGreaterThan(5);
    expect([...keys].filter((k) => !(k in en))).toEqual([]);
    // Every sentence key the model code can produce.
    const models = files('workers/models').map((f) => readFileSync(f, 'utf8')).join('\n');
    const literal = [...models.matchAll(/'((?:warn|export|mineral|dep|juris)\.[a-zA-Z.]+)'/g)].map((m) => m[1]!);
    expect(literal.filter((k) => !(k in en))).toEqual([]);
  });
});

// Numbers typed in either language: test/unit/parse-number.test.ts.
