// Issue #7: hostile input. Everything from outside (a file, a share link, a stored row) goes
// through the one load path. Whatever arrives (malformed, truncated, oversized, from a newer
// version, or made to attack: prototype-pollution keys, markup in names, NaN, deep nesting, wrong
// types), the answer is a scenario or an error value, never an exception, and the error reads as a
// sentence in English and in French. Fuzzed with fast-check: every property runs at least
// RUNS (1,000) generated inputs.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { fr } from '../../src/i18n/fr.ts';
import { issueMessage, loadErrorMessage } from '../../src/i18n/issues.ts';
import { translatorOf, type Dictionary, type Lang, type Params, type Translator } from '../../src/i18n/translate.ts';
import { LIBRARY_FORMAT, MAX_DEPTH, MAX_SCENARIO_BYTES, SCENARIO_FORMAT, SCENARIO_VERSION } from '../../src/scenario/constants.ts';
import { loadFileText, type FileLoadResult } from '../../src/scenario/load-file.ts';
import { formatPath, loadScenarioText, loadScenarioValue, type LoadError, type LoadResult } from '../../src/scenario/load.ts';
import type { Migration } from '../../src/scenario/migrations.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { decodeScenario, encodeScenario, fromBase64Url, SHARE_PREFIX, toBase64Url, type DecodeResult } from '../../src/storage/share-link.ts';
import { arbScenario } from './helpers.ts';

/** Generated inputs per property, at least. */
const RUNS = 1000;

type Path = (string | number)[];
type Json = Record<string, unknown>;

// ---------------------------------------------------------------- inputs

const EXAMPLE_FILES = [
  ...readdirSync('public/examples').filter((f) => f.endsWith('.json')).map((f) => `public/examples/${f}`),
  ...readdirSync('public/examples/fr').map((f) => `public/examples/fr/${f}`),
];

function mustLoad(text: string, file: string): Scenario {
  const r = loadScenarioText(text);
  if (!r.ok) throw new Error(`${file} does not load: ${JSON.stringify(r.error)}`);
  return r.scenario;
}

/** Every example, as written on disk and as loaded. */
const EXAMPLES = EXAMPLE_FILES.map((file) => {
  const text = readFileSync(file, 'utf8');
  return { file, text, scenario: mustLoad(text, file) };
});
/** The mix example: one option of each kind, and ranges. */
const MIX = EXAMPLES.find((e) => e.file.endsWith('/mix-buy-cloud-decentralised.json'))!;
/** A version-1 document: hostile values in it go through the migration too. */
const V1_TEXT = readFileSync('test/fixtures/scenarios/v1.json', 'utf8');

const clone = <T>(v: T): T => structuredClone(v);
/** A value as JSON keeps it: the same, except that −0 is written 0. */
const asSaved = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
/** JSON text of a generated value (BigInts written as text: JSON.stringify refuses them). */
const toJson = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));

/** Every UTF-16 code unit, lone surrogates included (which fc.string's units never give). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** Keys that attack the prototype chain, keys the format uses, and random ones. */
const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', 'format', 'version', 'options', 'kind', 'notes'),
  fc.string({ maxLength: 10 }),
);

const hostileLeaf = fc.oneof(
  fc.constantFrom<unknown>(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    SCENARIO_FORMAT,
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'a\u0000b',
    null,
    undefined,
    true,
    '{name}',
  ),
  fc.double(),
  fc.integer(),
  fc.bigInt(),
  fc.string({ unit: codeUnit, maxLength: 30 }),
);

/** An object whose keys are own, enumerable properties, even "__proto__" (as JSON.parse makes them). */
function ownProperties(entries: [string, unknown][]): Json {
  const o: Json = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

const { tree: hostileTree, object: hostileObject } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', maxDepth: 8 }, hostileLeaf, tie('array'), tie('object')),
  array: fc.array(tie('tree'), { maxLength: 4 }),
  object: fc.array(fc.tuple(hostileKey, tie('tree')), { maxLength: 6 }).map((entries) => ownProperties(entries as [string, unknown][])),
}));

/** A hostile object that passes the envelope checks, so it reaches the migrations and the schema. */
const hostileEnvelope = fc
  .tuple(fc.constantFrom(1, SCENARIO_VERSION), hostileObject as fc.Arbitrary<Json>)
  .map(([version, body]) => Object.assign(ownProperties(Object.entries(body)), { format: SCENARIO_FORMAT, version }));

/** Any JavaScript value, with every exotic kind fast-check knows. */
const anyValue = fc.anything({
  maxDepth: 30,
  key: hostileKey,
  stringUnit: 'binary',
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

/** A real scenario's text with a piece cut out, or something spliced in. */
const damagedScenarioText = fc
  .tuple(fc.constantFrom(MIX.text, V1_TEXT, ...EXAMPLES.map((e) => e.text)), fc.nat(), fc.nat(), fc.string({ unit: codeUnit, maxLength: 8 }))
  .map(([text, a, b, insert]) => {
    const i = a % text.length;
    const j = Math.min(text.length, i + (b % 40));
    return text.slice(0, i) + insert + text.slice(j);
  });

const anyText = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: codeUnit, maxLength: 300 }),
  fc.json({ maxDepth: 8 }),
  fc.json({ maxDepth: 40, depthSize: 'large' }),
  fc.jsonValue().map((v) => JSON.stringify({ format: SCENARIO_FORMAT, version: SCENARIO_VERSION, v })),
  fc.dictionary(hostileKey, fc.jsonValue({ maxDepth: 3 })).map((v) => JSON.stringify({ ...v, format: SCENARIO_FORMAT, version: 1 })),
  damagedScenarioText,
  damagedScenarioText.map((t) => t.slice(0, t.length >> 1)),
);

// ---------------------------------------------------------------- messages

const DICTIONARIES: Record<Lang, Dictionary> = { en, fr };
const LANGS: Lang[] = ['en', 'fr'];
const SUSPECT = /undefined|\[object Object\]|\bNaN\b|\{\w+\}/;

interface Rendered {
  text: string;
  problems: string[];
  calls: { key: string; params: Params }[];
}

/**
 * Renders a message with a translator that checks every call: the key exists in the language's
 * dictionary, and each {placeholder} of its template gets a non-blank string or a finite number
 * (the real translator would silently leave it blank, or print "undefined" or "[object Object]").
 * Then the whole message must be a sentence without "undefined", "[object Object]", "NaN" or a
 * "{placeholder}" — except inside text the document itself supplied (an unknown id is quoted back).
 */
function render(lang: Lang, write: (t: Translator) => string): Rendered {
  const dict = DICTIONARIES[lang];
  const translate = translatorOf(dict);
  const problems: string[] = [];
  const calls: Rendered['calls'] = [];
  const outputs = new Set<string>();
  const quoted: string[] = [];
  const t: Translator = (key, params = {}) => {
    calls.push({ key, params });
    const template = Object.hasOwn(dict, key) ? dict[key as keyof Dictionary] : undefined;
    if (template === undefined) problems.push(`no message "${key}" in ${lang}`);
    for (const [, name] of (template ?? '').matchAll(/\{(\w+)\}/g)) {
      const v: unknown = params[name!];
      if (typeof v === 'string') {
        if (v.trim() === '') problems.push(`{${name}} of "${key}" is blank`);
        else if (!outputs.has(v) && SUSPECT.test(v)) quoted.push(v);
      } else if (typeof v !== 'number' || !Number.isFinite(v)) {
        problems.push(`{${name}} of "${key}" is ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'number' ? String(v) : typeof v}`);
      }
    }
    const out = translate(key, params);
    outputs.add(out);
    return out;
  };
  const text = write(t);
  if (calls.length === 0) problems.push(`not translated into ${lang}`);
  let unquoted = text;
  for (const q of quoted) unquoted = unquoted.split(q).join('');
  if (SUSPECT.test(unquoted)) problems.push(`contains ${SUSPECT.exec(unquoted)![0]}`);
  if (text.trim().length < 3 || !/[.!?]$/.test(text.trim())) problems.push('not a sentence');
  return { text, problems, calls };
}

const LOAD_ERROR_KINDS = ['tooLarge', 'notJson', 'tooDeep', 'notScenario', 'futureVersion', 'badVersion', 'migrationFailed', 'invalid'];

/** Everything wrong with how a load error reads, in both languages (empty: it reads well). */
function loadErrorProblems(error: LoadError): string[] {
  const problems: string[] = [];
  if (!LOAD_ERROR_KINDS.includes(error.kind)) return [`unknown error kind ${JSON.stringify(error.kind)}`];
  for (const lang of LANGS) {
    const whole = render(lang, (t) => loadErrorMessage(error, t, lang));
    problems.push(...whole.problems.map((p) => `${error.kind} (${lang}): ${p}: "${whole.text}"`));
    if (error.kind === 'tooLarge') {
      const params = whole.calls.find((c) => c.key === 'load.tooLarge')?.params;
      if (params && params.size === params.limit) problems.push(`tooLarge (${lang}): states the same size as the limit: "${whole.text}"`);
    }
    if (error.kind !== 'invalid') continue;
    if (error.issues.length === 0) problems.push('invalid without any issue');
    for (const issue of error.issues) {
      const where = formatPath(issue.path);
      if (!issue.path.every((p) => (typeof p === 'string' && p !== '') || (Number.isInteger(p) && (p as number) >= 0))) {
        problems.push(`issue path ${JSON.stringify(issue.path)} is not a path`);
      }
      const one = render(lang, (t) => issueMessage(issue, t, lang));
      problems.push(...one.problems.map((p) => `issue at ${where} [${issue.code}] (${lang}): ${p}: "${one.text}"`));
    }
  }
  return problems;
}

/** Checks a load result: a scenario that validates again, or an error that reads well. */
function expectAnswer(r: LoadResult): void {
  expect(typeof r.ok).toBe('boolean');
  if (r.ok) {
    const again = loadScenarioValue(r.scenario);
    expect(again.ok, 'a loaded scenario validates again').toBe(true);
  } else {
    expect(loadErrorProblems(r.error)).toEqual([]);
  }
}

/** Checks an imported file's result, with the messages the import button shows. */
function expectFileAnswer(r: FileLoadResult): void {
  if (r.kind === 'scenario') return expectAnswer(r.result);
  if (r.kind === 'library') return r.results.forEach(expectAnswer);
  expect(r.kind).toBe('error');
  const e = r.error;
  if (e.kind === 'futureLibrary' || e.kind === 'tooManyScenarios') {
    for (const lang of LANGS) {
      const m = render(lang, (t) => (e.kind === 'futureLibrary' ? t('import.futureLibrary') : t('import.tooMany', { count: e.count })));
      expect(m.problems).toEqual([]);
    }
  } else {
    expect(loadErrorProblems(e)).toEqual([]);
  }
}

const SHARE_ERROR_KINDS = ['notShareLink', 'unknownLinkVersion', 'linkTooLong', 'badEncoding', 'badCompression', 'tooLarge', 'notUtf8'];

/** Checks a decoded link: text that goes through the load path, or an error the page can say. */
function expectDecodeAnswer(d: DecodeResult): LoadResult | null {
  expect(typeof d.ok).toBe('boolean');
  if (d.ok) {
    expect(typeof d.text).toBe('string');
    const r = loadScenarioText(d.text);
    expectAnswer(r);
    return r;
  }
  expect(SHARE_ERROR_KINDS).toContain(d.error.kind);
  for (const lang of LANGS) expect(render(lang, (t) => t(`link.error.${d.error.kind}`)).problems).toEqual([]);
  return null;
}

// ---------------------------------------------------------------- prototype pollution

const OBJECT_PROTO_KEYS = Reflect.ownKeys(Object.prototype).map(String).sort();
const ARRAY_PROTO_KEYS = Reflect.ownKeys(Array.prototype).map(String).sort();

function expectNoPollution(): void {
  expect(({} as Json).polluted).toBeUndefined();
  expect(([] as unknown as Json).polluted).toBeUndefined();
  expect(Reflect.ownKeys(Object.prototype).map(String).sort()).toEqual(OBJECT_PROTO_KEYS);
  expect(Reflect.ownKeys(Array.prototype).map(String).sort()).toEqual(ARRAY_PROTO_KEYS);
}

afterAll(expectNoPollution);

// ---------------------------------------------------------------- walking documents

/** Every path in a JSON-like value (not the root), parents before children. */
function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const p = [...at, Array.isArray(value) ? Number(k) : k];
      out.push(p);
      pathsOf(v, p, out);
    }
  }
  return out;
}

/** Paths of every plain object in a value, the root ([]) first. */
function objectPathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (typeof value !== 'object' || value === null) return out;
  if (!Array.isArray(value)) out.push(at);
  for (const [k, v] of Object.entries(value)) objectPathsOf(v, [...at, Array.isArray(value) ? Number(k) : k], out);
  return out;
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Json)[k as string], root);
}

function setAt(root: unknown, path: Path, value: unknown): void {
  (getAt(root, path.slice(0, -1)) as Json)[path.at(-1) as string] = value;
}

const startsWith = (path: Path, prefix: Path) => prefix.every((k, i) => path[i] === k);

function nested(depth: number, leaf: unknown = 0): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

// ---------------------------------------------------------------- 1. never throws, always answers

describe('the load path answers anything with a scenario or a clear error, and never throws', () => {
  it(`answers ${RUNS} arbitrary texts (random, full Unicode, lone surrogates, JSON, damaged scenarios)`, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expectAnswer(loadScenarioText(text));
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it(`answers ${RUNS} arbitrary JavaScript values (Map, Set, Date, BigInt, boxed, sparse, null-prototype…)`, () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        expectAnswer(loadScenarioValue(value));
        // A caller passing something else than text gets an answer too.
        expectAnswer(loadScenarioText(value as string));
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it(`answers ${RUNS} objects with own "__proto__", "constructor" and "prototype" keys, inside and outside a scenario envelope`, () => {
    fc.assert(
      fc.property(fc.oneof(hostileTree, hostileEnvelope), (value) => {
        const r = loadScenarioValue(value);
        expectAnswer(r);
        expect(r.ok).toBe(false);
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it(`answers ${RUNS} imported files: texts, and library exports holding valid and hostile scenarios`, () => {
    const libraryText = fc
      .array(fc.oneof(fc.constantFrom(...EXAMPLES.map((e) => e.scenario as unknown)), fc.jsonValue({ maxDepth: 4 }), hostileEnvelope), { maxLength: 5 })
      .chain((scenarios) =>
        fc.constantFrom(
          toJson({ format: LIBRARY_FORMAT, version: 1, exportedAt: '2026-01-01T00:00:00Z', scenarios }),
          toJson({ format: LIBRARY_FORMAT, version: 2, scenarios }),
          toJson({ format: LIBRARY_FORMAT, version: '1', scenarios }),
          toJson({ format: LIBRARY_FORMAT, version: 1, scenarios: { 0: scenarios[0] } }),
          toJson({ format: LIBRARY_FORMAT, version: 1, exportedAt: null, scenarios }).slice(0, 150),
        ),
      );
    fc.assert(
      fc.property(fc.oneof(anyText, libraryText), (text) => {
        expectFileAnswer(loadFileText(text));
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it('loads every example as part of a library export', () => {
    const text = JSON.stringify({ format: LIBRARY_FORMAT, version: 1, exportedAt: '2026-01-01T00:00:00Z', scenarios: EXAMPLES.map((e) => e.scenario) });
    const r = loadFileText(text);
    if (r.kind !== 'library') throw new Error(`expected a library, got ${JSON.stringify(r)}`);
    expect(r.results.map((x) => x.ok)).toEqual(EXAMPLES.map(() => true));
  });

  it('refuses a library export from a newer version, and one with more than 500 scenarios, with a message', () => {
    const future = loadFileText(JSON.stringify({ format: LIBRARY_FORMAT, version: 2, exportedAt: '', scenarios: [] }));
    expect(future).toMatchObject({ kind: 'error', error: { kind: 'futureLibrary' } });
    expectFileAnswer(future);
    const many = loadFileText(JSON.stringify({ format: LIBRARY_FORMAT, version: 1, exportedAt: '', scenarios: Array.from({ length: 501 }, () => 0) }));
    expect(many).toMatchObject({ kind: 'error', error: { kind: 'tooManyScenarios', count: 501 } });
    expectFileAnswer(many);
  });

  it('every kind of load error reads as a sentence in English and in French', () => {
    const throwing: Migration[] = [{ name: 'throws', from: 1, up: () => { throw new Error('boom'); } }];
    const throwingText: Migration[] = [{ name: '', from: 1, up: () => { throw 'not an Error'; } }];
    const v1 = JSON.parse(V1_TEXT) as Json;
    const errors: LoadResult[] = [
      loadScenarioText('x'.repeat(MAX_SCENARIO_BYTES + 1)),
      loadScenarioText('{"format": '),
      loadScenarioValue({ format: SCENARIO_FORMAT, version: SCENARIO_VERSION, notes: nested(100) }),
      loadScenarioValue([SCENARIO_FORMAT]),
      loadScenarioValue({ ...MIX.scenario, version: SCENARIO_VERSION + 1 }),
      loadScenarioValue({ ...MIX.scenario, version: 'two' }),
      loadScenarioValue(v1, throwing),
      loadScenarioValue(v1, throwingText),
      loadScenarioValue(v1, []),
      loadScenarioValue({ ...MIX.scenario, name: '<script>alert(1)</script>', options: [] }),
    ];
    expect(errors.map((r) => (r.ok ? 'ok' : r.error.kind))).toEqual([
      'tooLarge', 'notJson', 'tooDeep', 'notScenario', 'futureVersion', 'badVersion', 'migrationFailed', 'migrationFailed', 'migrationFailed', 'invalid',
    ]);
    for (const r of errors) expectAnswer(r);
  });
});

// ---------------------------------------------------------------- 2. one hostile value in a valid scenario

interface Hostile {
  label: string;
  value: (old: unknown) => unknown;
  /** Whether the value may be valid in some field (a number within bounds, null where null is allowed…). */
  mayBeValid: boolean;
}

const HOSTILE: Hostile[] = [
  { label: 'NaN', value: () => Number.NaN, mayBeValid: false },
  { label: 'Infinity', value: () => Number.POSITIVE_INFINITY, mayBeValid: false },
  { label: '-Infinity', value: () => Number.NEGATIVE_INFINITY, mayBeValid: false },
  { label: '-1e308', value: () => -1e308, mayBeValid: false },
  { label: '1e308', value: () => 1e308, mayBeValid: false },
  { label: '-1', value: () => -1, mayBeValid: true },
  { label: 'a 100,000-character string', value: () => 'x'.repeat(100_000), mayBeValid: false },
  { label: 'a script tag', value: () => '<script>alert(1)</script>', mayBeValid: false },
  { label: 'an img tag with onerror', value: () => '<img src=x onerror=alert(1)>', mayBeValid: false },
  { label: 'a NUL character', value: () => 'GPU\u0000farm', mayBeValid: false },
  { label: 'an ANSI escape', value: () => '\u001b[2J\u001b[31mred', mayBeValid: false },
  { label: 'a DEL character', value: () => 'GPU\u007f', mayBeValid: false },
  { label: 'null', value: () => null, mayBeValid: true },
  { label: '[]', value: () => [], mayBeValid: true },
  { label: '{}', value: () => ({}), mayBeValid: true },
  { label: 'an array nested 30 deep', value: () => nested(30), mayBeValid: false },
  { label: 'true', value: () => true, mayBeValid: true },
  {
    label: 'the other type (a number for text, text for a number)',
    value: (old) => (typeof old === 'number' ? String(old) : typeof old === 'string' ? 42 : old === null ? 'null' : 'x'),
    mayBeValid: false,
  },
];

/** NaN and ±Infinity become null in JSON. */
function becomesNull(hostile: Hostile): boolean {
  const v = hostile.value(0);
  return typeof v === 'number' && !Number.isFinite(v);
}

/** Valid documents to mutate: the examples, the version-1 fixture (migrated on load), random scenarios. */
const validDocument: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom(...EXAMPLES.map((e) => JSON.parse(e.text) as Json), JSON.parse(V1_TEXT) as Json),
  arbScenario.map((s) => s as unknown as Json),
);

const mutation = validDocument.chain((doc) =>
  fc.record({ doc: fc.constant(doc), path: fc.constantFrom(...pathsOf(doc)), hostile: fc.constantFrom(...HOSTILE) }),
);

/** A refusal that names the place of the hostile value (or the envelope's own refusal). */
function expectRefusedAt(r: LoadResult, path: Path, hostile: Hostile, viaJson: boolean): void {
  if (r.ok) return;
  const label = `${hostile.label} at ${formatPath(path)}`;
  if (hostile.label === 'an array nested 30 deep') {
    expect(r.error.kind, label).toBe('tooDeep');
  } else if (path[0] === 'format') {
    expect(r.error.kind, label).toBe('notScenario');
  } else if (path[0] === 'version') {
    expect(['badVersion', 'futureVersion'], label).toContain(r.error.kind);
  } else {
    if (r.error.kind !== 'invalid') throw new Error(`${label}: expected validation issues, got ${JSON.stringify(r.error)}`);
    const here = r.error.issues.filter((i) => startsWith(i.path, path));
    if (here.length === 0) {
      // The value is fine on its own (say −1 for a price trend) but breaks a rule between fields
      // (a range around the old value): only then may the issue be elsewhere.
      expect(hostile.mayBeValid || (viaJson && becomesNull(hostile)), `${label}: ${JSON.stringify(r.error.issues)}`).toBe(true);
      expect(r.error.issues.every((i) => i.code === 'custom'), `${label}: ${JSON.stringify(r.error.issues)}`).toBe(true);
    }
  }
}

describe('one hostile value anywhere in a valid scenario is refused where it is, or is harmless', () => {
  it(`refuses or safely accepts ${RUNS} single-value mutations, loaded as a value and as JSON text`, () => {
    fc.assert(
      fc.property(mutation, ({ doc, path, hostile }) => {
        const mutated = clone(doc);
        const value = hostile.value(getAt(doc, path));
        setAt(mutated, path, value);

        const asValue = loadScenarioValue(mutated);
        expectAnswer(asValue);
        // A value that is never valid must never be accepted.
        if (asValue.ok) expect(hostile.mayBeValid, `${hostile.label} at ${formatPath(path)} was accepted`).toBe(true);
        expectRefusedAt(asValue, path, hostile, false);

        // Through JSON, NaN and ±Infinity become null: null may be valid.
        const asText = loadScenarioText(JSON.stringify(mutated));
        expectAnswer(asText);
        if (asText.ok) expect(hostile.mayBeValid || becomesNull(hostile), `${hostile.label} at ${formatPath(path)} was accepted`).toBe(true);
        expectRefusedAt(asText, path, hostile, true);
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  const MARKER = '"__hostile_key_marker__"';
  const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'unknownField', 'pue '];
  const keyMutation = validDocument.chain((doc) =>
    fc.record({
      doc: fc.constant(doc),
      at: fc.constantFrom(...objectPathsOf(doc)),
      key: fc.constantFrom(...KEYS),
      value: fc.constantFrom<unknown>({ polluted: true }, { isAdmin: true, polluted: 1 }, 1, null, '<script>alert(1)</script>'),
    }),
  );

  it(`refuses ${RUNS} scenarios with an own "__proto__", "constructor" or unknown key in a random object, naming it, without polluting any prototype`, () => {
    fc.assert(
      fc.property(keyMutation, ({ doc, at, key, value }) => {
        const mutated = clone(doc);
        (getAt(mutated, at) as Json)[JSON.parse(MARKER) as string] = value;
        // Spliced into the text, so JSON.parse makes "__proto__" an own property, as an attacker's file would.
        const text = JSON.stringify(mutated).replace(MARKER, JSON.stringify(key));
        const parsed = JSON.parse(text) as unknown;
        expect(Object.hasOwn(getAt(parsed, at) as object, key)).toBe(true);

        for (const r of [loadScenarioText(text), loadScenarioValue(parsed)]) {
          expectAnswer(r);
          if (r.ok || r.error.kind !== 'invalid') throw new Error(`"${key}" at ${formatPath(at)}: expected validation issues, got ${JSON.stringify(r)}`);
          const named = r.error.issues.find((i) => i.code === 'unrecognized_keys' && formatPath(i.path) === formatPath(at));
          expect(named, `"${key}" at ${formatPath(at)}: ${JSON.stringify(r.error.issues)}`).toBeDefined();
          expect(named!.params.keys).toContain(key);
        }
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it('an unknown field at the top of the document is named in the message (where it is, not a blank)', () => {
    const text = MIX.text.replace(/^\{/, '{"__proto__":{"polluted":true},');
    const r = loadScenarioText(text);
    expect(r.ok || r.error.kind).toBe('invalid');
    expectAnswer(r);
    expectNoPollution();
  });

  const TEXT_FIELDS: Path[] = [['name'], ['notes'], ['options', 0, 'name'], ['options', 1, 'name'], ['options', 1, 'provider'], ['options', 1, 'region'], ['options', 2, 'name'], ['options', 2, 'market']];
  const MARKUP = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<b>bold</b>', '</textarea><svg onload=alert(1)>', 'a<!-- comment -->', '<?xml version="1.0"?>', '<a href="javascript:alert(1)">x</a>'];

  it.each(TEXT_FIELDS.map((p) => [formatPath(p), p] as const))('%s refuses HTML tags', (_label, path) => {
    for (const markup of MARKUP) {
      const s = clone(MIX.scenario) as unknown as Json;
      setAt(s, path, `Plan ${markup}`);
      const r = loadScenarioValue(s);
      if (r.ok || r.error.kind !== 'invalid') throw new Error(`${markup} in ${formatPath(path)} was not refused: ${JSON.stringify(r)}`);
      expect(r.error.issues.find((i) => formatPath(i.path) === formatPath(path))?.params.key, markup).toBe('markupInText');
      expectAnswer(r);
    }
  });

  /** Every control character (Unicode category Cc: C0, DEL and C1) except tab, line feed and carriage return. */
  const CONTROL = Array.from({ length: 0xa0 }, (_, c) => c).filter((c) => (c < 0x20 || c >= 0x7f) && ![0x09, 0x0a, 0x0d].includes(c));

  it.each(TEXT_FIELDS.map((p) => [formatPath(p), p] as const))('%s refuses every control character (C0, DEL and C1) but tab and line breaks', (_label, path) => {
    const accepted: string[] = [];
    for (const c of CONTROL) {
      const s = clone(MIX.scenario) as unknown as Json;
      setAt(s, path, `Plan${String.fromCharCode(c)}B`);
      const r = loadScenarioValue(s);
      if (r.ok) accepted.push(`U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
      else expectAnswer(r);
    }
    expect(accepted).toEqual([]);
  });

  it('keeps tab and line breaks in notes', () => {
    const r = loadScenarioValue({ ...MIX.scenario, notes: 'Line 1\r\n\tLine 2\n' });
    expect(r.ok).toBe(true);
  });
});

// ---------------------------------------------------------------- 3. round trip

describe('a valid scenario survives its own JSON', () => {
  it(`loads ${RUNS} random valid scenarios back from JSON.stringify, equal`, () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const r = loadScenarioText(JSON.stringify(s));
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        // Equal as saved: JSON writes −0 as 0, and that is the only change allowed.
        expect(r.scenario).toEqual(asSaved(s));
        expect(r.migrated).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------- 4. share links

const B64URL = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];
const b64urlText = (maxLength: number) => fc.string({ unit: fc.constantFrom(...B64URL), maxLength });

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
}

/** Real links: the examples and the version-1 fixture, each with the scenario it holds. */
const LINKS = await Promise.all(
  [...EXAMPLES.map((e) => e.scenario as unknown), JSON.parse(V1_TEXT) as unknown].map(async (doc) => ({
    fragment: await encodeScenario(doc),
    scenario: (() => {
      const r = loadScenarioValue(doc);
      if (!r.ok) throw new Error('a link source does not load');
      return r.scenario;
    })(),
  })),
);

const LINK_WRAPPERS = ['', '#', 'https://planner.example/#', 'http://127.0.0.1:4173/?x=1#'];

describe('the share-link decoder answers any fragment and never throws', () => {
  it(`answers ${RUNS} random fragments after "scenario=v1." (base64url and other characters)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...LINK_WRAPPERS), fc.oneof(b64urlText(600), fc.string({ unit: codeUnit, maxLength: 200 })), async (wrap, payload) => {
        expectDecodeAnswer(await decodeScenario(`${wrap}${SHARE_PREFIX}${payload}`));
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it(`tells ${RUNS} fragments with another prefix apart: not a link, or a newer codec`, async () => {
    const prefix = fc.oneof(
      fc.constantFrom('scenario=v9.', 'scenario=v0.', 'scenario=v2.', 'scenario=v10.', 'scenario=v01.', 'scenario=v1', 'scenario=', 'scenario=V1.', 'Scenario=v1.', ' scenario=v1.', 'view=compare&scenario=v1.', ''),
      fc.string({ maxLength: 15 }),
      fc.nat(1_000_000).map((n) => `scenario=v${n}.`),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...LINK_WRAPPERS), prefix, b64urlText(200), async (wrap, p, payload) => {
        const fragment = `${p}${payload}`;
        const d = await decodeScenario(wrap + fragment);
        expectDecodeAnswer(d);
        const version = /^scenario=(v\d+)\./.exec(fragment);
        if (!version) expect(d).toEqual({ ok: false, error: { kind: 'notShareLink' } });
        else if (version[1] !== 'v1') expect(d).toEqual({ ok: false, error: { kind: 'unknownLinkVersion', version: version[1] } });
      }),
      { numRuns: RUNS },
    );
  });

  it(`never turns ${RUNS} truncated real links into a different scenario`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...LINKS), fc.constantFrom(...LINK_WRAPPERS), fc.nat(), async (link, wrap, n) => {
        const cut = link.fragment.slice(0, n % link.fragment.length);
        const r = expectDecodeAnswer(await decodeScenario(wrap + cut));
        if (r?.ok) expect(r.scenario).toEqual(link.scenario);
      }),
      { numRuns: RUNS },
    );
  });

  it(`answers ${RUNS} real links with flipped bits, in their characters and in their compressed bytes`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...LINKS), fc.boolean(), fc.array(fc.tuple(fc.nat(), fc.nat(7)), { minLength: 1, maxLength: 4 }), async (link, inBytes, flips) => {
        let fragment: string;
        if (inBytes) {
          const bytes = fromBase64Url(link.fragment.slice(SHARE_PREFIX.length))!;
          for (const [at, bit] of flips) bytes[at % bytes.length]! ^= 1 << bit;
          fragment = SHARE_PREFIX + toBase64Url(bytes);
        } else {
          const chars = [...link.fragment];
          for (const [at, bit] of flips) {
            const i = SHARE_PREFIX.length + (at % (chars.length - SHARE_PREFIX.length));
            chars[i] = String.fromCharCode(chars[i]!.charCodeAt(0) ^ (1 << bit));
          }
          fragment = chars.join('');
        }
        expectDecodeAnswer(await decodeScenario(`#${fragment}`));
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it(`decodes ${RUNS} well-compressed payloads that are not scenarios: any text through the load path, bad UTF-8 refused`, async () => {
    const payload = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }).map((s) => new TextEncoder().encode(s)),
      fc.json({ maxDepth: 30 }).map((s) => new TextEncoder().encode(s)),
      fc.uint8Array({ maxLength: 300 }),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (bytes) => {
        const d = await decodeScenario(`#${SHARE_PREFIX}${toBase64Url(await deflateRaw(bytes))}`);
        expectDecodeAnswer(d);
        let text: string | null = null;
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          // not UTF-8
        }
        expect(d).toEqual(text === null ? { ok: false, error: { kind: 'notUtf8' } } : { ok: true, text });
      }),
      { numRuns: RUNS },
    );
  });

  it(`round-trips ${RUNS} random valid scenarios through a share link`, async () => {
    await fc.assert(
      fc.asyncProperty(arbScenario, async (s) => {
        const d = await decodeScenario(`https://planner.example/#${await encodeScenario(s)}`);
        const r = expectDecodeAnswer(d);
        expect(r?.ok && r.scenario).toEqual(asSaved(s));
      }),
      { numRuns: RUNS },
    );
  });

  it('never decodes a real link cut at every 7th character into a different scenario', async () => {
    const outcomes = new Map<string, number>();
    for (const link of LINKS) {
      for (let n = 0; n < link.fragment.length; n += 7) {
        const d = await decodeScenario(`#${link.fragment.slice(0, n)}`);
        const r = expectDecodeAnswer(d);
        if (r?.ok) expect(r.scenario).toEqual(link.scenario);
        const key = d.ok ? (r?.ok ? 'same scenario' : 'text, not a scenario') : d.error.kind;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      }
    }
    // Cut links are refused as damaged (bad base64 or cut deflate), never read as something else.
    expect([...outcomes.keys()].every((k) => ['notShareLink', 'badEncoding', 'badCompression', 'same scenario'].includes(k)), JSON.stringify([...outcomes])).toBe(true);
    expect(outcomes.get('badCompression') ?? 0).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------- 5. oversized

describe('oversized input is refused as too large, before anything else', () => {
  it('refuses 1,000,001 bytes of text as tooLarge, with a message that shows it is over the limit', () => {
    const r = loadScenarioText('x'.repeat(1_000_001));
    expect(r.ok || r.error).toEqual({ kind: 'tooLarge', bytes: 1_000_001, limitBytes: MAX_SCENARIO_BYTES });
    expectAnswer(r);
  });

  it('counts UTF-8 bytes, not characters: 500,001 "é" (1,000,002 bytes) are too large, 1,000,000 ASCII bytes are not', () => {
    const accented = loadScenarioText('é'.repeat(500_001));
    expect(accented.ok || accented.error).toMatchObject({ kind: 'tooLarge', bytes: 1_000_002 });
    const emoji = loadScenarioText('😀'.repeat(250_001));
    expect(emoji.ok || emoji.error).toMatchObject({ kind: 'tooLarge', bytes: 1_000_004 });
    const atLimit = loadScenarioText('x'.repeat(MAX_SCENARIO_BYTES));
    expect(atLimit.ok || atLimit.error.kind).toBe('notJson');
  });

  it('refuses a valid scenario padded in its notes to over 1 MB as tooLarge, not invalid, from a file too', () => {
    const padded = JSON.stringify({ ...MIX.scenario, notes: 'n'.repeat(MAX_SCENARIO_BYTES) });
    const r = loadScenarioText(padded);
    expect(r.ok || r.error).toEqual({ kind: 'tooLarge', bytes: new TextEncoder().encode(padded).length, limitBytes: MAX_SCENARIO_BYTES });
    expectAnswer(r);
    const file = loadFileText(padded);
    expect(file).toMatchObject({ kind: 'scenario', result: { ok: false, error: { kind: 'tooLarge' } } });
  });

  it('stops a zip-bomb link (3 MB of spaces in a few kilobytes) as tooLarge', async () => {
    const bomb = await encodeScenario(' '.repeat(3_000_000));
    expect(bomb.length).toBeLessThan(10_000);
    const d = await decodeScenario(`#${bomb}`);
    expect(d).toEqual({ ok: false, error: { kind: 'tooLarge', limitBytes: MAX_SCENARIO_BYTES } });
    expectDecodeAnswer(d);
  });

  it('inflates a link of exactly 1,000,000 bytes, and refuses one of 1,000,001', async () => {
    const at = await decodeScenario(`#${await encodeScenario(' '.repeat(MAX_SCENARIO_BYTES - 2))}`);
    expect(at.ok && at.text.length).toBe(MAX_SCENARIO_BYTES);
    expect(expectDecodeAnswer(at)).toMatchObject({ ok: false, error: { kind: 'notScenario' } });
    const over = await decodeScenario(`#${await encodeScenario(' '.repeat(MAX_SCENARIO_BYTES - 1))}`);
    expect(over).toEqual({ ok: false, error: { kind: 'tooLarge', limitBytes: MAX_SCENARIO_BYTES } });
  });

  it('refuses nesting deeper than 24 levels as tooDeep, even 500,000 levels in 1 MB of text, without a stack overflow', () => {
    const text = '['.repeat(500_000) + ']'.repeat(500_000);
    expect(new TextEncoder().encode(text).length).toBe(MAX_SCENARIO_BYTES);
    const r = loadScenarioText(text);
    expect(r.ok || r.error.kind).toBe('tooDeep');
    expectAnswer(r);
  });

  it(`refuses a scenario nested N levels deep as tooDeep exactly when N > ${MAX_DEPTH}, for ${RUNS} depths, as a value and as text`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.boolean(), (depth, objects) => {
        // The scenario object is level 1; its notes add `depth - 1` levels of arrays or objects.
        let inner: unknown = 'deep';
        for (let i = 1; i < depth; i++) inner = objects ? { __proto__: null, x: inner } : [inner];
        const doc = { ...MIX.scenario, notes: inner };
        for (const r of [loadScenarioValue(doc), loadScenarioText(JSON.stringify(doc))]) {
          expect(r.ok ? 'ok' : r.error.kind, `depth ${depth}`).toBe(depth > MAX_DEPTH ? 'tooDeep' : depth === 1 ? 'ok' : 'invalid');
          expectAnswer(r);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses a cyclic object (a stored row can hold one) as tooDeep instead of looping', () => {
    const doc = clone(MIX.scenario) as unknown as Json;
    doc.notes = doc;
    const r = loadScenarioValue(doc);
    expect(r.ok || r.error.kind).toBe('tooDeep');
    expectAnswer(r);
  });
});

// ---------------------------------------------------------------- 6. versions

describe('a scenario from a newer version is refused with the version this app reads, and a bad version is named', () => {
  it(`refuses ${RUNS} future versions as futureVersion, before validating anything else`, () => {
    fc.assert(
      fc.property(fc.integer({ min: SCENARIO_VERSION + 1, max: Number.MAX_SAFE_INTEGER }), fc.boolean(), (version, junk) => {
        // A newer format may look like anything: it is refused for its version, not its content.
        const doc = { ...MIX.scenario, version, ...(junk ? { options: 'new shape', extra: {} } : {}) };
        for (const r of [loadScenarioValue(doc), loadScenarioText(JSON.stringify(doc))]) {
          expect(r.ok || r.error).toEqual({ kind: 'futureVersion', version, supported: SCENARIO_VERSION });
          expectAnswer(r);
          if (!r.ok) {
            for (const lang of LANGS) {
              const m = render(lang, (t) => loadErrorMessage(r.error, t, lang));
              expect(m.calls[0]?.params).toMatchObject({ version, supported: SCENARIO_VERSION });
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  const BAD_VERSIONS: [string, unknown][] = [
    ['0', 0],
    ['-1', -1],
    ['1.5', 1.5],
    ['"2"', '2'],
    ['null', null],
    ['true', true],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['[2]', [2]],
    ['{}', {}],
    ['2n (a BigInt)', 2n],
    ['missing', undefined],
  ];

  it.each(BAD_VERSIONS)('refuses version %s as badVersion', (_label, version) => {
    const doc: Json = { ...MIX.scenario, version };
    if (version === undefined) delete doc.version;
    const r = loadScenarioValue(doc);
    expect(r.ok || r.error.kind).toBe('badVersion');
    expectAnswer(r);
    if (typeof version !== 'bigint' && typeof version !== 'number') {
      const t = loadScenarioText(JSON.stringify(doc));
      expect(t.ok || t.error.kind).toBe('badVersion');
    }
  });
});
