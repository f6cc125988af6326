// The label of each numeric input (the editor's own labels, from the field table), for the list of
// ranges and the tornado.
import type { MessageKey } from '../../i18n/en.ts';
import type { Translator } from '../../i18n/translate.ts';
import { FIELDS } from '../../scenario/fields.ts';
import type { Range, Scenario } from '../../scenario/schema.ts';

export const FIELD_LABELS: Readonly<Record<string, MessageKey | string>> = Object.fromEntries(Object.entries(FIELDS).map(([name, f]) => [name, f.label]));

/** "Cloud H100 — Price per GPU-hour", "Workload — GPU-hours a month": what a range is on. */
export function rangeLabel(r: Pick<Range, 'target' | 'optionId' | 'field' | 'memberIndex'>, s: Pick<Scenario, 'options' | 'pool'>, t: Translator): string {
  const key = FIELD_LABELS[r.field];
  const field = key ? t(key) : r.field;
  if (r.target === 'settings') return `${t('settings.title')} — ${field}`;
  if (r.target === 'workload') return `${t('workload.title')} — ${field}`;
  // pool (issue 15): a member's workload, by the member's name.
  if (r.target === 'member') return `${s.pool?.members[r.memberIndex ?? -1]?.name ?? '?'} — ${field}`;
  // The first member's committed share, by its name.
  if (r.target === 'pool') return `${s.pool?.firstMemberName ?? '?'} — ${field}`;
  const o = s.options.find((x) => x.id === r.optionId);
  return `${o?.name ?? r.optionId} — ${field}`;
}
