// The one load path for anything from outside: a file, a share link, a stored row, a CLI
// argument. Parse → check the envelope → refuse a newer version → migrate step by step →
// validate with the zod schema → a typed scenario, or a clear error value. Never throws.
// Environment-free.
import { migrate, MIGRATIONS, type JsonObject, type Migration } from './migrations.ts';
import { MAX_DEPTH, MAX_SCENARIO_BYTES } from './constants.ts';
import { SCENARIO_FORMAT, SCENARIO_VERSION, scenarioSchema, type Scenario } from './schema.ts';
import { formatPath } from './paths.ts';

export { formatPath, MAX_DEPTH, MAX_SCENARIO_BYTES };

export interface ScenarioIssue {
  /** Where in the document: ["options", 0, "pue"]. */
  path: (string | number)[];
  /** zod's issue code, or "custom" for the format's own rules. */
  code: string;
  /** English message (the page shows its own translation built from `code` and `params`). */
  message: string;
  /** What the message needs: bounds, the rule's key, the offending value. */
  params: Record<string, unknown>;
}

export type LoadError =
  | { kind: 'tooLarge'; bytes: number; limitBytes: number }
  | { kind: 'notJson'; detail: string }
  | { kind: 'tooDeep'; limit: number }
  | { kind: 'notScenario'; detail: string }
  | { kind: 'futureVersion'; version: number; supported: number }
  | { kind: 'badVersion'; version: unknown }
  | { kind: 'migrationFailed'; from: number; name: string; detail: string }
  /** `document`: the input after migration, for the editor to open when only values are wrong. */
  | { kind: 'invalid'; issues: ScenarioIssue[]; document: unknown };

export type LoadResult = { ok: true; scenario: Scenario; migrated: string[] } | { ok: false; error: LoadError };

/** Loads a scenario from JSON text. */
export function loadScenarioText(text: string, migrations: readonly Migration[] = MIGRATIONS): LoadResult {
  if (typeof text !== 'string') return fail({ kind: 'notJson', detail: 'expected text' });
  const bytes = utf8Length(text);
  if (bytes > MAX_SCENARIO_BYTES) return fail({ kind: 'tooLarge', bytes, limitBytes: MAX_SCENARIO_BYTES });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail({ kind: 'notJson', detail: e instanceof Error ? e.message : String(e) });
  }
  return loadScenarioValue(value, migrations);
}

/** Loads a scenario from an already-parsed value (an IndexedDB row, an element of a library file). */
export function loadScenarioValue(value: unknown, migrations: readonly Migration[] = MIGRATIONS): LoadResult {
  if (depthExceeds(value, MAX_DEPTH)) return fail({ kind: 'tooDeep', limit: MAX_DEPTH });
  if (!isPlainObject(value)) return fail({ kind: 'notScenario', detail: 'not an object' });
  if (value.format !== SCENARIO_FORMAT) {
    return fail({ kind: 'notScenario', detail: `"format" is not "${SCENARIO_FORMAT}"` });
  }
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail({ kind: 'badVersion', version });
  }
  if (version > SCENARIO_VERSION) return fail({ kind: 'futureVersion', version, supported: SCENARIO_VERSION });

  const migrated = migrate(value, version, migrations);
  if (!migrated.ok) return fail({ kind: 'migrationFailed', from: migrated.from, name: migrated.name, detail: migrated.detail });

  const parsed = scenarioSchema.safeParse(migrated.doc);
  if (!parsed.success) {
    return fail({
      kind: 'invalid',
      issues: parsed.error.issues.map((i) => ({
        path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
        code: i.code,
        message: i.message,
        params: issueParams(i as unknown as Record<string, unknown>),
      })),
      document: migrated.doc,
    });
  }
  return { ok: true, scenario: parsed.data, migrated: migrated.applied };
}

/** Validates a scenario held in memory (the editor's state) without the envelope checks. */
export function validateScenario(value: unknown): { ok: true; scenario: Scenario } | { ok: false; issues: ScenarioIssue[] } {
  const r = loadScenarioValue(value);
  if (r.ok) return { ok: true, scenario: r.scenario };
  if (r.error.kind === 'invalid') return { ok: false, issues: r.error.issues };
  return { ok: false, issues: [{ path: [], code: r.error.kind, message: describeLoadError(r.error), params: {} }] };
}

/** One English sentence for a load error (the page translates by `kind`). */
export function describeLoadError(e: LoadError): string {
  switch (e.kind) {
    case 'tooLarge':
      return `The file is ${e.bytes} bytes; a scenario is at most ${e.limitBytes} bytes.`;
    case 'notJson':
      return `This is not valid JSON (${e.detail}).`;
    case 'tooDeep':
      return `The document is nested more than ${e.limit} levels deep: it is not a scenario.`;
    case 'notScenario':
      return `This is not a Compute Planner scenario (${e.detail}).`;
    case 'futureVersion':
      return `This scenario was saved by a newer version of Compute Planner (format ${e.version}; this app reads up to ${e.supported}). Update the app to open it.`;
    case 'badVersion':
      return `The scenario's format version is not a whole number of 1 or more.`;
    case 'migrationFailed':
      return `The scenario could not be upgraded from format ${e.from}${e.name ? ` (${e.name})` : ''}: ${e.detail}.`;
    case 'invalid':
      return e.issues.map((i) => `${formatPath(i.path)}: ${i.message}`).join('\n');
    default:
      return assertNever(e);
  }
}


export function assertNever(x: never): never {
  throw new Error(`unexpected value ${JSON.stringify(x)}`);
}

// ---------------------------------------------------------------- helpers

function fail(error: LoadError): LoadResult {
  return { ok: false, error };
}

function isPlainObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Iterative, so a hostile document cannot overflow the stack. */
function depthExceeds(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d >= limit) return true;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

/** The structured parts of a zod issue that a translated message needs. */
function issueParams(i: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['minimum', 'maximum', 'inclusive', 'origin', 'expected', 'values', 'keys', 'format', 'divisor']) {
    if (i[k] !== undefined) out[k] = typeof i[k] === 'bigint' ? Number(i[k]) : i[k];
  }
  if (i.code === 'custom' && typeof i.params === 'object' && i.params !== null) Object.assign(out, i.params);
  if (i.code === 'invalid_type' && 'input' in i) out.received = describeType(i.input);
  return out;
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isNaN(v)) return 'NaN';
  return typeof v;
}
