// Cost of one option, month by month and by category, in the scenario's currency. Pure.
// Methods: docs/methodology.md §4.
import { HOURS_PER_MONTH, priceFactor, type ResolvedOption } from './resolve.ts';
import { serversOf, type Usage } from './energy.ts';
import { COST_CATEGORIES, type CostCategory } from './types.ts';

export type MonthlyByCategory = Record<CostCategory, number[]>;

export function emptyByCategory(months: number): MonthlyByCategory {
  return Object.fromEntries(COST_CATEGORIES.map((c) => [c, new Array<number>(months).fill(0)])) as MonthlyByCategory;
}

type BuyOption = Extract<ResolvedOption['option'], { kind: 'buy' }>;

/** GPU price when ordered: the month-0 price × (1 + trend)^orderMonth. */
export function unitPriceAtOrder(o: BuyOption): number {
  return o.unitPriceCcyPerGpu * (1 + o.priceTrendPctPerMonth / 100) ** o.orderMonth;
}

/** Purchase cost of owned hardware, including import duty and any VAT that is not recovered. */
export function capexCcy(o: BuyOption): number {
  const purchase = o.gpuCount * unitPriceAtOrder(o) + o.serverAndNetworkCcy;
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

/**
 * Balance still owed after `paid` of `termMonths` level payments. Annuity: B = C(1 + i)^k −
 * A((1 + i)^k − 1)/i, written as C·(1 + g − g/h) with g = (1 + i)^k − 1 and h = 1 − (1 + i)^−n,
 * both by expm1, so it stays exact as i → 0 (where it tends to C·(1 − k/n)).
 */
export function loanBalance(principal: number, annualRatePct: number, termMonths: number, paid: number): number {
  const i = annualRatePct / 1200;
  if (i * termMonths < 1e-12) return principal * (1 - paid / termMonths);
  const l = Math.log1p(i);
  const g = Math.expm1(paid * l);
  const h = -Math.expm1(-termMonths * l);
  return principal * (1 + g - g / h);
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
    const order = o.orderMonth;
    if (o.financing.kind === 'cash') {
      c.capex[order]! += capex;
    } else {
      // Loan for the whole purchase; payments from the month after the order; the balance still
      // owed when the horizon ends is counted in its last month.
      const { annualRatePct, termMonths } = o.financing;
      const i = annualRatePct / 1200;
      const payment = loanPayment(capex, annualRatePct, termMonths);
      let balance = capex;
      for (let k = 1; k <= termMonths && order + k <= last; k++) {
        const interest = balance * i;
        const principal = payment - interest;
        c.interest[order + k]! += interest;
        c.capex[order + k]! += principal;
        balance -= principal;
      }
      if (balance > 1e-9 * capex) c.capex[last]! += balance;
    }

    const servers = serversOf(o.gpuCount, o.gpusPerServer);
    const contractedKW = (o.gpuCount * r.powerWPerGpu + servers * o.hostPowerWPerServer) / 1000;
    for (let m = r.deliveryMonth; m < months; m++) {
      // Energy cost = facility kWh (IT × PUE) × tariff (Epoch AI, Cottier et al. 2024).
      c.energy[m]! += facilityKWh[m]! * o.electricityCcyPerKWh;
      c.hosting[m]! +=
        o.hosting.kind === 'onPrem' ? o.hosting.facilityCcyPerMonth : contractedKW * o.hosting.colocationCcyPerKWMonth;
      c.maintenance[m]! += (o.maintenanceCcyPerYear + o.staffCcyPerYear) / 12;
    }
    c.resale[last]! -= o.gpuCount * unitPriceAtOrder(o) * (o.resalePctOfGpuPrice / 100);

    // Accounting view: straight-line depreciation of the capex from the month it enters service.
    const lifeMonths = o.depreciationYears * 12;
    const perMonth = new Array<number>(months).fill(0);
    let booked = 0;
    for (let m = r.deliveryMonth; m < months; m++) {
      const d = Math.min(capex / lifeMonths, capex - booked);
      perMonth[m] = d;
      booked += d;
    }
    return { byCategory: c, depreciation: { perMonthCcy: perMonth, bookValueAtEndCcy: capex - booked } };
  }

  const active = (m: number) => u.usedGpuHours[m]! > 0 || r.reserved;
  for (let m = 0; m < months; m++) {
    // Price this month: month-0 price × (1 + trend)^m, fixed for a reservation's term.
    const price = o.priceCcyPerGpuHour * priceFactor(r, m);
    if (r.reserved && o.kind === 'cloud') {
      // Reserved GPUs are paid every hour of the month, used or not.
      c.rent[m]! += o.committedGpus * HOURS_PER_MONTH * price;
    } else {
      // Pay-as-you-go: paid GPU-hours (with spot or re-run overhead) × price; the fee on top.
      const rent = u.usedGpuHours[m]! * price;
      c.rent[m]! += rent;
      c.fees[m]! += rent * (r.feeFactor - 1);
    }
    if (active(m)) c.egressStorage[m]! += o.egressCcyPerMonth + o.storageCcyPerMonth;
  }
  if (r.reserved && o.kind === 'cloud') {
    // A reservation runs for whole terms: what remains of the term in progress is still owed.
    const term = r.reservationTermMonths;
    const remaining = Math.ceil(months / term) * term - months;
    c.commitmentBeyondHorizon[last]! += remaining * o.committedGpus * HOURS_PER_MONTH * o.priceCcyPerGpuHour * priceFactor(r, last);
  }
  return { byCategory: c, depreciation: null };
}
