// How the optimiser's figures read on the page: a constraint's name, a limit or value in its own
// unit, and the change a binding constraint's relaxed plan makes. Environment-free.
import { formatCO2e, formatMoney, formatNumber, formatWater } from '../../i18n/format.ts';
import type { Lang, Translator } from '../../i18n/translate.ts';
import { FIELDS } from '../../scenario/fields.ts';
import type { Constraint } from '../../../workers/models/optimise/constraints.ts';
import type { Binding } from '../../../workers/models/optimise/search.ts';

/** The goals field of each constraint (countries, jurisdictions and unmet demand have none). */
const FIELD_OF = {
  capexBudget: 'capexBudgetCcy', maxMonthlyOutflow: 'maxMonthlyOutflowCcy', spendBudget: 'spendBudgetCcy', sitePower: 'sitePowerKW',
  co2eCap: 'co2eCapKg', waterCap: 'waterCapL', maxProviderShare: 'maxProviderSharePct', maxHhi: 'maxHhi',
} as const;

export function constraintName(c: Constraint, t: Translator, currency: string): string {
  if (c === 'countries' || c === 'jurisdictions' || c === 'noUnmetDemand') return t(`opt.constraint.${c}`);
  return t(FIELDS[FIELD_OF[c]].label, { currency });
}

/** A constraint's limit or a plan's value for it, in the constraint's unit. */
export function constraintValue(c: Constraint, x: number, lang: Lang, currency: string, t: Translator): string {
  switch (c) {
    case 'capexBudget':
    case 'maxMonthlyOutflow':
    case 'spendBudget':
      return formatMoney(lang, x, currency);
    case 'sitePower':
      return `${formatNumber(lang, x, 1)} kW`;
    case 'co2eCap':
      return formatCO2e(lang, x);
    case 'waterCap':
      return formatWater(lang, x);
    case 'maxProviderShare':
      return `${formatNumber(lang, x, 1)} %`;
    case 'maxHhi':
      return formatNumber(lang, x, 0);
    case 'countries':
      return t('opt.countOptions', { count: x });
    case 'jurisdictions':
      return t('opt.countOutsideJurisdictions', { count: x });
    case 'noUnmetDemand':
      return `${formatNumber(lang, x, 0)} GPU-h`;
  }
}

/** What the plan with the constraint lifted has more (or fewer) of. */
export function bindingChange(b: Binding, t: Translator): string {
  const parts: string[] = [];
  if (b.moreBoughtGpus > 0) parts.push(t('opt.change.servers', { count: b.moreBoughtGpus }));
  if (b.moreBoughtGpus < 0) parts.push(t('opt.change.fewerServers', { count: -b.moreBoughtGpus }));
  if (b.moreCommittedGpus > 0) parts.push(t('opt.change.committed', { count: b.moreCommittedGpus }));
  if (b.moreCommittedGpus < 0) parts.push(t('opt.change.fewerCommitted', { count: -b.moreCommittedGpus }));
  return parts.length > 0 ? parts.join(t('opt.change.and')) : t('opt.change.split');
}

/** The options a relaxed jurisdictions limit would let in, each with its provider's headquarters. */
export function outsideList(b: Binding, t: Translator): string {
  return (b.outsideOptions ?? []).map((o) => `${o.name} (${o.headquarters ?? t('opt.hqUnknown')})`).join(', ');
}
