// Fields the catalog should fill but cannot yet — no exchange rate to convert its price, or no
// figure for the item now chosen. Such a field holds NaN (the scenario is not handed to the models)
// and says why; it is filled from the catalog as soon as the figure exists (the rate is typed, an
// item with a price is chosen), and forgotten when the person types a value. Editor state only:
// the scenario format is unchanged (a reopened scenario shows the field as "enter a number").
import type { GapReason } from '../../scenario/follow-catalog.ts';
import type { Scenario } from '../../scenario/schema.ts';

export type { GapReason };

export class Gaps {
  #byKey = $state<Record<string, GapReason>>({});

  #key(s: Scenario, optionId: string, field: string): string {
    return `${s.id}\u0000${optionId}\u0000${field}`;
  }

  /** The fields of an option that are waiting for a catalog figure. */
  fieldsOf(s: Scenario, optionId: string): Set<string> {
    const prefix = `${s.id}\u0000${optionId}\u0000`;
    return new Set(Object.keys(this.#byKey).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));
  }

  set(s: Scenario, optionId: string, field: string, reason: GapReason | null): void {
    const key = this.#key(s, optionId, field);
    if (reason === null) {
      if (key in this.#byKey) delete this.#byKey[key];
    } else if (this.#byKey[key] !== reason) {
      this.#byKey[key] = reason;
    }
  }

  /** The gap at an editor field path ("options.2.priceCcyPerGpuHour", "options.0.hosting.colocationCcyPerKWMonth"). */
  atPath(s: Scenario, path: string): GapReason | null {
    const m = /^options\.(\d+)\.(?:\w+\.)?(\w+)$/.exec(path);
    const o = m ? s.options[Number(m[1])] : undefined;
    return o ? (this.#byKey[this.#key(s, o.id, m![2]!)] ?? null) : null;
  }

  clearPath(s: Scenario, path: string): void {
    const m = /^options\.(\d+)\.(?:\w+\.)?(\w+)$/.exec(path);
    const o = m ? s.options[Number(m[1])] : undefined;
    if (o) this.set(s, o.id, m![2]!, null);
  }
}

export const gaps = new Gaps();
