// The label and unit of an editor row, from the field table: `<NumberField {...row('pue')} … />`.
import type { Translator } from '../../i18n/translate.ts';
import { FIELDS, UNITS, type FieldName, type Unit } from '../../scenario/fields.ts';

export interface FieldProps {
  label: string;
  unit: string | undefined;
}

/** How a unit reads, in the page's language, for a scenario in `currency`. */
export function unitText(unit: Unit, t: Translator, currency: string): string | undefined {
  const u = UNITS[unit];
  if (u === null) return undefined;
  if (u === 'currency') return currency;
  return 'text' in u ? u.text : t(u.key, { currency });
}

/** The label and unit of the field `name` (a label may name the currency, as the exchange rate's does). */
export function fieldProps(name: FieldName, t: Translator, currency: string): FieldProps {
  const f = FIELDS[name];
  return { label: t(f.label, { currency }), unit: unitText(f.unit, t, currency) };
}

/** `fieldProps` bound to the page's translator and the scenario's currency, for one component. */
export function rowProps(t: Translator, currency: string): (name: FieldName) => FieldProps {
  return (name) => fieldProps(name, t, currency);
}
