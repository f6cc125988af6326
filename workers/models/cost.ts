// Cost formulas of one option, as scalar functions the kernel (kernel.ts) calls once per sample.
// Pure. Methods: docs/methodology.md §4.
import type { SupplyOption } from '../../src/scenario/schema.ts';

type BuyOption = Extract<SupplyOption, { kind: 'buy' }>;

/** GPU price when ordered: the month-0 price × (1 + trend)^orderMonth. */
export function priceAtOrder(unitPrice: number, trendPct: number, orderMonth: number): number {
  // Compound monthly price trend: p_m = p_0 · (1 + trend)^m.
  return unitPrice * (1 + trendPct / 100) ** orderMonth;
}

/** Purchase cost of owned hardware from its purchase price, including import duty and any VAT that is not recovered. */
export function capexOf(purchase: number, dutyPct: number, vatPct: number, vatRecoverable: boolean): number {
  const duty = purchase * (dutyPct / 100);
  // VAT is charged on the customs value plus duty; a business that recovers it bears no cost.
  const vat = vatRecoverable ? 0 : (purchase + duty) * (vatPct / 100);
  return purchase + duty + vat;
}

/** Purchase cost of owned hardware, including import duty and any VAT that is not recovered. */
export function capexCcy(o: BuyOption): number {
  const purchase = o.gpuCount * priceAtOrder(o.unitPriceCcyPerGpu, o.priceTrendPctPerMonth, o.orderMonth) + o.serverAndNetworkCcy;
  return capexOf(purchase, o.importDutyPct, o.vatPct, o.vatRecoverable);
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
 * both by expm1, so it stays exact as i → 0 (where it tends to C·(1 − k/n)). The kernel counts
 * this balance in the horizon's last month.
 */
export function loanBalance(principal: number, annualRatePct: number, termMonths: number, paid: number): number {
  const i = annualRatePct / 1200;
  if (i * termMonths < 1e-12) return principal * (1 - paid / termMonths);
  const l = Math.log1p(i);
  const g = Math.expm1(paid * l);
  const h = -Math.expm1(-termMonths * l);
  return principal * (1 + g - g / h);
}

/** Months of a reservation term for a pricing code of the rented block (2: one year, 3: three years), 0 otherwise. */
export function reservationTermMonths(pricing: number): number {
  return pricing === 2 ? 12 : pricing === 3 ? 36 : 0;
}

/** Paid GPU-hours per used GPU-hour of a pay-as-you-go option: spot interruptions (pricing 1) and decentralised re-runs. */
export function paidHoursFactor(pricing: number, spotOverheadPct: number, reliabilityPct: number): number {
  // Interrupted or failed work runs (and is paid) again: hours × (1 + overhead).
  return (pricing === 1 ? 1 + spotOverheadPct / 100 : 1) * (1 + reliabilityPct / 100);
}

/** Straight-line depreciation in a month: capex ÷ life, never more than what is left to book (accounting view). */
export function depreciationInMonth(capex: number, lifeMonths: number, booked: number): number {
  return Math.min(capex / lifeMonths, capex - booked);
}

/** Monthly discount factor at an annual rate: (1 + r)^(−1/12), so month m is discounted by (1 + r)^(−m/12), month 0 not at all. */
export function monthlyDiscount(annualRatePct: number): number {
  // Discounting at an annual rate applied monthly (standard present value).
  return (1 + annualRatePct / 100) ** (-1 / 12);
}
