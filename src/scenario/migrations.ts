// Named, ordered migrations of the scenario format, one step per version.
// Environment-free. Each migration takes a document of version `from` (already known to be an
// object with that version) and returns the same document in version `from + 1`. Every
// migration has a test and a fixture in test/fixtures/scenarios/v<from>.json; a test fails when
// one is missing.
import { SCENARIO_VERSION } from './schema.ts';
import * as goals from './migrations/goals.ts';
import * as ownacc from './migrations/ownacc.ts';
import * as catalogStep from './migrations/catalog.ts';
import * as pool from './migrations/pool.ts';
import * as footprint from './migrations/footprint.ts';
import * as failuresTokens from './migrations/failures-tokens.ts';
import * as shareRanges from './migrations/share-ranges.ts';

export type JsonObject = { [key: string]: unknown };

export interface Migration {
  /** What the step changes, in a few words (shown in the methodology and in test names). */
  name: string;
  from: number;
  up(doc: JsonObject): JsonObject;
}

/** The real migrations, oldest first. Each has a test and a fixture (test/fixtures/scenarios/v<from>.json). */
export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'price trends, order month and uncertainty ranges',
    from: 1,
    up(doc) {
      // Version 2 adds a monthly price trend to every option (0: prices as entered), the month a
      // purchase is ordered (0: at the start, as version 1 assumed), and an empty uncertainty block.
      const options = Array.isArray(doc.options)
        ? doc.options.map((o: unknown) => {
            if (typeof o !== 'object' || o === null) return o;
            const option: JsonObject = { ...(o as JsonObject), priceTrendPctPerMonth: 0 };
            return option.kind === 'buy' ? { ...option, orderMonth: 0 } : option;
          })
        : doc.options;
      return { ...doc, options, uncertainty: { samples: 10_000, seed: 1, ranges: [] } };
    },
  },
  {
    name: 'the catalog that produced the figures',
    from: 2,
    up(doc) {
      // Version 3 records the reference catalog (version and content hash) behind a scenario's
      // catalog figures. A version-2 scenario did not record it: null, "not recorded", so that
      // opening it says its figures may come from another catalog. Nothing else changes.
      return { ...doc, catalog: null };
    },
  },
  { name: goals.name, from: 3, up: goals.up },
  { name: ownacc.name, from: 4, up: ownacc.up },
  { name: catalogStep.name, from: 5, up: catalogStep.up },
  { name: pool.name, from: 6, up: pool.up },
  { name: footprint.name, from: 7, up: footprint.up },
  { name: failuresTokens.name, from: 8, up: failuresTokens.up },
  { name: shareRanges.name, from: 9, up: shareRanges.up },
];

export type MigrateResult =
  | { ok: true; doc: JsonObject; applied: string[] }
  | { ok: false; from: number; name: string; detail: string };

/**
 * Upgrades `doc` from `version` to `target` by applying each step in order. The migration list
 * is a parameter so the mechanism itself can be tested with synthetic steps.
 */
export function migrate(
  doc: JsonObject,
  version: number,
  migrations: readonly Migration[] = MIGRATIONS,
  target: number = SCENARIO_VERSION,
): MigrateResult {
  let current = doc;
  const applied: string[] = [];
  for (let v = version; v < target; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) return { ok: false, from: v, name: '', detail: `no migration from version ${v}` };
    try {
      current = step.up(current);
    } catch (e) {
      return { ok: false, from: v, name: step.name, detail: e instanceof Error ? e.message : String(e) };
    }
    current = { ...current, version: v + 1 };
    applied.push(step.name);
  }
  return { ok: true, doc: current, applied };
}

/** Checks that the list has exactly one step per version from `first` to `target - 1`, in order. */
export function checkMigrationChain(
  migrations: readonly Migration[] = MIGRATIONS,
  first = 1,
  target = SCENARIO_VERSION,
): string[] {
  const problems: string[] = [];
  const expected = target - first;
  if (migrations.length !== expected) problems.push(`expected ${expected} migrations, found ${migrations.length}`);
  migrations.forEach((m, i) => {
    if (m.from !== first + i) problems.push(`migration "${m.name}" is from ${m.from}, expected ${first + i}`);
  });
  return problems;
}
