// Cost of one option, month by month and by category, in the scenario's currency. Pure.
// Methods: docs/methodology.md §4.
import { HOURS_PER_MONTH, type ResolvedOption } from './resolve.ts';
import { serversOf, type Usage } from './energy.ts';
import { COST_CATEGORIES, type CostCategory } from './types.ts';

export type MonthlyByCategory = Record<CostCategory, number[]>;

export function emptyByCategory(months: number): MonthlyByCategory {
  return Object.fromEntries(COST_CATEGORIES.map((c) => [c, new Array<number>(months).fill(0)])) as MonthlyByCategory;
}

/** Purchase cost of owned hardware, including import duty and any VAT that is not recovered. */
export function capexCcy(o: Extract<ResolvedOption['option'], { kind: 'buy' }>): number {
  const purchase = o.gpuCount * o.unitPriceCcyPerGpu + o.serverAndNetworkCcy;
  const duty = purchase * (o.importDutyPct / 100);
  // VAT is charged on the customs value plus duty; a business that recovers it bears no cost.
  const vat = o.vatRecoverable ? 0 : (purchase + duty) * (o.vatPct / 100);
  return purchase + duty + vat;
}

/** Level monthly payment of a loan: A = C·i / (1 − (1 + i)^−n) (standard annuity formula). */
export function loanPayment(principal: number, annualRatePct: number, termMonths: number): number {
  const i = annualRatePct / 1200;
  // Negligible interest: the annuity tends to C/n (and the formula would divide 0 by 0).
  if (i * termMonths < 1e-12) return principal / termMonths;
  // Annuity: A = C·i / (1 − (1 + i)^−n), with 1 − (1 + i)^−n computed as −expm1(−n·log1p(i)).
  return (principal * i) / -Math.expm1(-termMonths * Math.log1p(i));
}

export function optionCosts(
  r: ResolvedOption,
  u: Usage,
  facilityKWh: readonly number[],
  months: number,
): { byCategory: MonthlyByCategory; depreciation: { perMonthCcy: number[]; bookValueAtEndCcy: number } | null } {
  const c = emptyByCategory(months);
  const o = r.option;
  const last = months - 1;

  if (o.kind === 'buy') {
    const capex = capexCcy(o);
    if (o.financing.kind === 'cash') {
      c.capex[0]! += capex;
    } else {
      // Loan for the whole purchase; payments from the month after the order; the balance still
      // owed when the horizon ends is counted in its last month.
      const { annualRatePct, termMonths } = o.financing;
      const i = annualRatePct / 1200;
      const payment = loanPayment(capex, annualRatePct, termMonths);
      let balance = capex;
      for (let k = 1; k <= termMonths && k <= last; k++) {
        const interest = balance * i;
        const principal = payment - interest;
        c.interest[k]! += interest;
        c.capex[k]! += principal;
        balance -= principal;
      }
      if (balance > 1e-9 * capex) c.capex[last]! += balance;
    }

    const servers = serversOf(o.gpuCount, o.gpusPerServer);
    const contractedKW = (o.gpuCount * r.powerWPerGpu + servers * o.hostPowerWPerServer) / 1000;
    for (let m = o.leadTimeMonths; m < months; m++) {
      // Energy cost = facility kWh (IT × PUE) × tariff (Epoch AI, Cottier et al. 2024).
      c.energy[m]! += facilityKWh[m]! * o.electricityCcyPerKWh;
      c.hosting[m]! +=
        o.hosting.kind === 'onPrem' ? o.hosting.facilityCcyPerMonth : contractedKW * o.hosting.colocationCcyPerKWMonth;
      c.maintenance[m]! += (o.maintenanceCcyPerYear + o.staffCcyPerYear) / 12;
    }
    c.resale[last]! -= o.gpuCount * o.unitPriceCcyPerGpu * (o.resalePctOfGpuPrice / 100);

    // Accounting view: straight-line depreciation of the capex from the month it enters service.
    const lifeMonths = o.depreciationYears * 12;
    const perMonth = new Array<number>(months).fill(0);
    let booked = 0;
    for (let m = o.leadTimeMonths; m < months; m++) {
      const d = Math.min(capex / lifeMonths, capex - booked);
      perMonth[m] = d;
      booked += d;
    }
    return { byCategory: c, depreciation: { perMonthCcy: perMonth, bookValueAtEndCcy: capex - booked } };
  }

  const active = (m: number) => u.usedGpuHours[m]! > 0 || r.reserved;
  for (let m = 0; m < months; m++) {
    if (r.reserved && o.kind === 'cloud') {
      // Reserved GPUs are paid every hour of the month, used or not.
      c.rent[m]! += o.committedGpus * HOURS_PER_MONTH * o.priceCcyPerGpuHour;
    } else {
      // Pay-as-you-go: paid GPU-hours (with spot or re-run overhead) × price; the fee on top.
      const rent = u.usedGpuHours[m]! * o.priceCcyPerGpuHour;
      c.rent[m]! += rent;
      c.fees[m]! += rent * (r.feeFactor - 1);
    }
    if (active(m)) c.egressStorage[m]! += o.egressCcyPerMonth + o.storageCcyPerMonth;
  }
  if (r.reserved && o.kind === 'cloud') {
    // A reservation runs for whole terms: what remains of the term in progress is still owed.
    const term = r.reservationTermMonths;
    const remaining = Math.ceil(months / term) * term - months;
    c.commitmentBeyondHorizon[last]! += remaining * o.committedGpus * HOURS_PER_MONTH * o.priceCcyPerGpuHour;
  }
  return { byCategory: c, depreciation: null };
}
