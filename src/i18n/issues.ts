// Validation issues and load errors in the page's language, built from the issue's code and
// parameters (the English `message` is only a fallback). Environment-free.
import type { LoadError, ScenarioIssue } from '../scenario/load.ts';
import { formatPath } from '../scenario/paths.ts';
import type { Translator } from './translate.ts';
import { formatNumber } from './format.ts';
import type { Lang } from './translate.ts';

function bound(lang: Lang, x: unknown): string {
  return typeof x === 'number' ? formatNumber(lang, x, 6) : String(x);
}

/** A custom issue's parameters with numbers written the page's way ("100,5" in French). */
function localParams(p: Record<string, unknown>, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) out[k] = typeof v === 'number' ? formatNumber(lang, v, 6) : String(v);
  return out;
}

/** A field name as the document spelled it, quoted and cut short ("", "__proto__" and spaces stay visible). */
function quoteKey(key: unknown): string {
  const s = String(key);
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

const FORMAT_KEY: Record<string, string> = {
  startMonth: 'issue.yearMonth',
  exchangeRateDate: 'issue.date',
  plannerCountry: 'issue.iso3',
  gridCountry: 'issue.iso3',
  regionCountry: 'issue.iso3',
  hostCountry: 'issue.iso3',
  id: 'issue.id',
  createdAt: 'issue.timestamp',
  updatedAt: 'issue.timestamp',
};

export function issueMessage(issue: ScenarioIssue, t: Translator, lang: Lang): string {
  const p = issue.params;
  const field = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'custom':
      return typeof p.key === 'string' ? t(`issue.${p.key}`, localParams(p, lang)) : issue.message;
    case 'too_small':
      if (p.origin === 'array') return t('issue.minItems', { min: bound(lang, p.minimum) });
      if (p.origin === 'string') return t('issue.required');
      return t(p.inclusive === false ? 'issue.above' : 'issue.min', { min: bound(lang, p.minimum) });
    case 'too_big':
      if (p.origin === 'array') return t('issue.maxItems', { max: bound(lang, p.maximum) });
      if (p.origin === 'string') return t('issue.tooLong', { max: bound(lang, p.maximum) });
      return t(p.inclusive === false ? 'issue.below' : 'issue.max', { max: bound(lang, p.maximum) });
    case 'invalid_type':
      if (p.expected === 'number') return t('issue.number');
      if (p.expected === 'int') return t('issue.integer');
      if (p.expected === 'string') return t('issue.text');
      return t('issue.type');
    case 'invalid_value':
      return t('issue.oneOf', { values: Array.isArray(p.values) ? p.values.join(', ') : '' });
    case 'invalid_format':
      return t(FORMAT_KEY[field] ?? 'issue.format');
    case 'invalid_union':
      return t('issue.kind');
    case 'unrecognized_keys':
      return t('issue.unknownKeys', { keys: Array.isArray(p.keys) ? p.keys.map(quoteKey).join(', ') : '?' });
    default:
      return issue.message;
  }
}

/** One sentence for a load error (a link, a file, a stored row). */
export function loadErrorMessage(e: LoadError, t: Translator, lang: Lang): string {
  switch (e.kind) {
    case 'tooLarge':
      return t('load.tooLarge', { size: formatNumber(lang, e.bytes, 0), limit: formatNumber(lang, e.limitBytes, 0) });
    case 'notJson':
      return t('load.notJson');
    case 'tooDeep':
      return t('load.tooDeep');
    case 'notScenario':
      return t('load.notScenario');
    case 'futureVersion':
      return t('load.futureVersion', { version: e.version, supported: e.supported });
    case 'badVersion':
      return t('load.badVersion');
    case 'migrationFailed':
      return t('load.migrationFailed', { from: e.from });
    case 'invalid': {
      const first = e.issues[0];
      const where = first && first.path.length > 0 ? formatPath(first.path) : t('load.whereRoot');
      return t('load.invalid', { count: e.issues.length, where, message: first ? issueMessage(first, t, lang) : '' });
    }
  }
}
