// The import duty default of a purchase: a tariff event that applies to buying the option's
// accelerator into the planner's country in its order month (src/catalog/rules.ts
// importDutyForPurchase), as an editor suggestion citing the event, with its exemptions.
// Environment-free; the rules module is passed in so that the page can load it on demand.
import type { DutySuggestion, RuleSource } from '../catalog/rules.ts';
import type { BuyOption, Settings } from './schema.ts';
import type { Suggestion } from './suggest.ts';

export interface DutyRules {
  importDutyForPurchase: (
    option: { acceleratorId: string; orderMonth: number },
    settings: { startMonth: string; plannerCountry: string },
  ) => DutySuggestion | null;
}

export interface DutyDefault {
  /** The field's suggestion when the event gives a rate (null: no tariff applies, or it cannot be told). */
  suggestion: Suggestion | null;
  /** The event behind it (also when its status or the chip's band is unknown), or null when none applies. */
  duty: DutySuggestion | null;
}

function sourceOf(s: RuleSource | undefined): Suggestion['source'] {
  return s ? { title: s.what, url: s.url } : undefined;
}

export function dutyDefault(rules: DutyRules, o: Pick<BuyOption, 'acceleratorId' | 'orderMonth'>, settings: Pick<Settings, 'startMonth' | 'plannerCountry'>): DutyDefault {
  const duty = rules.importDutyForPurchase(o, settings);
  if (!duty || duty.value === null) return { suggestion: null, duty };
  // The exemptions are listed once, beside the field (its help), not again in the derivation.
  const derivation = duty.derivation.replace(/; exempt end uses: .*$/, '');
  return { suggestion: { value: duty.value, cited: duty.cited, derivation, source: sourceOf(duty.sourceList[0]) }, duty };
}

/** Sets a purchase's import duty to the tariff event's rate when one applies (a new option, an example). */
export function applyDutyDefault(rules: DutyRules, o: BuyOption, settings: Pick<Settings, 'startMonth' | 'plannerCountry'>): DutySuggestion | null {
  const d = dutyDefault(rules, o, settings);
  if (d.suggestion) o.importDutyPct = d.suggestion.value;
  return d.duty;
}
