// The French text of the catalog's English notes and dates (the lead before a source and the
// source's date, shown beside each catalog figure), from the table scripts/catalog-data/notes-fr.json.
// Loaded on demand, by the French page only. Environment-free.
import table from '../../scripts/catalog-data/notes-fr.json' with { type: 'json' };

export interface NotesTable {
  exact: Record<string, string>;
  patterns: { en: string; fr: string }[];
}
/** A note in French, or the English text with `english: true` when the table has no French for it. */
export interface FrenchNote {
  text: string;
  english: boolean;
}

const NUMBER = /^\d[\d,]*(\.\d+)?$/;
/** Dates and figures read the same in both languages: "2025-09-08", "Q1 2025", "2024". */
const NEUTRAL = /^[\dQH][\dQH\s.:/–-]*$/;
const NUMERIC_SLOTS = new Set(['count', 'a', 'b', 'usd', 'year', 'years']);

/** "35,040" → "35 040", "1.64" → "1,64": the same digits, the French way. */
function frNumber(s: string): string {
  return s.replace(/,/g, '\u202f').replace('.', ',');
}

function compile(t: NotesTable) {
  return t.patterns.map((p) => {
    const slots: string[] = [];
    const source = p.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{(\w+)\\\}/g, (_, name: string) => {
      slots.push(name);
      return NUMERIC_SLOTS.has(name) ? '(\\d[\\d,]*(?:\\.\\d+)?)' : name.startsWith('code') ? '([A-Za-z0-9._-]+)' : name === 'date' ? '([\\d-]+)' : '(.+?)';
    });
    return { re: new RegExp(`^${source}$`), slots, fr: p.fr };
  });
}

export function makeTranslator(t: NotesTable): (text: string) => FrenchNote {
  const patterns = compile(t);
  const part = (s: string): string | null => {
    if (Object.hasOwn(t.exact, s)) return t.exact[s]!;
    if (NEUTRAL.test(s)) return s;
    for (const p of patterns) {
      const m = p.re.exec(s);
      if (!m) continue;
      const values: Record<string, string> = {};
      let ok = true;
      p.slots.forEach((name, i) => {
        const v = m[i + 1]!;
        if (NUMERIC_SLOTS.has(name) && NUMBER.test(v)) values[name] = frNumber(v);
        else if (name.startsWith('code') || name === 'date') values[name] = v;
        else {
          const fr = part(v);
          if (fr === null) ok = false;
          else values[name] = fr;
        }
      });
      if (ok) return p.fr.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
    }
    return null;
  };
  return (text) => {
    if (Object.hasOwn(t.exact, text)) return { text: t.exact[text]!, english: false };
    const parts = text.split('; ').map(part);
    return parts.every((p) => p !== null) ? { text: parts.join(' ; '), english: false } : { text, english: true };
  };
}

export const frenchNote = makeTranslator(table);
