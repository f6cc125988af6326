// Renders the models' sentences (a key and parameters) in a language: codes become names,
// numbers are formatted. Environment-free.
import { country } from '../catalog/index.ts';
import type { Sentence } from '../../workers/models/types.ts';
import { countryName, formatCO2e, formatGpuHours, formatNumber } from './format.ts';
import type { Lang, Params, Translator } from './translate.ts';

/** A country code (ISO3, "WLD" or "unknown") as a name in the language. */
export function placeName(code: string, t: Translator, lang: Lang): string {
  if (code === 'unknown') return t('common.unknown');
  const c = country(code);
  return c ? countryName(lang, c.iso2, c.name) : code;
}

/** A supplier name as shown: countries by name, "owned" and "unknown" translated. */
export function supplierName(name: string, t: Translator, lang: Lang): string {
  if (name === 'owned') return t('dep.owned');
  if (name === 'unknown') return t('common.unknown');
  if (/^[A-Z]{3}$/.test(name) && country(name)) return placeName(name, t, lang);
  return name;
}

export function renderSentence(s: Sentence, t: Translator, lang: Lang): string {
  const p: Params = {};
  for (const [k, v] of Object.entries(s.params)) {
    if (v === null) p[k] = t('common.unknown');
    else if (k === 'tier') p[k] = t(`tier.${v}`);
    else if (k === 'band') p[k] = t(`band.${v}`);
    else if (k === 'level') p[k] = t(`level.${v}`);
    else if (k === 'mineral') p[k] = t(`mineral.${v}`);
    else if (k === 'top' || k === 'country' || k === 'hq' || k === 'planner') p[k] = supplierName(String(v), t, lang);
    else if (k === 'refGpuHours') p[k] = formatGpuHours(lang, Number(v));
    else if (k === 'gCO2ePerKWh') p[k] = formatNumber(lang, Number(v), 0);
    else if (k === 'kgCO2e') p[k] = formatCO2e(lang, Number(v));
    else if (typeof v === 'number') p[k] = formatNumber(lang, v, v >= 100 ? 0 : 1);
    else p[k] = v;
  }
  return t(s.key, p);
}
