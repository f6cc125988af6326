// Hand-computed cost cases: each expected number is worked out in the comment above it.
import { describe, expect, it } from 'vitest';
import { capexCcy, loanBalance, loanPayment } from '../../../workers/models/cost.ts';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { npv } from '../../../workers/models/run.ts';
import { buy, cloud, market, scenario } from '../helpers.ts';

const H = 730;

describe('owned hardware', () => {
  it('capex = GPUs + servers, plus duty, plus VAT only when it is not recovered', () => {
    // 8 × 10,000 + 20,000 = 100,000; duty 5 % = 5,000; VAT 20 % on 105,000 = 21,000.
    expect(capexCcy(buy({ importDutyPct: 5, vatPct: 20, vatRecoverable: false }))).toBeCloseTo(126_000, 6);
    expect(capexCcy(buy({ importDutyPct: 5, vatPct: 20, vatRecoverable: true }))).toBeCloseTo(105_000, 6);
  });

  it('paid cash: capex in month 0, energy from the tariff, resale in the last month', () => {
    // 8 GPUs × 1,000 W, busy 1,000 h/month of 5,840 installed GPU-hours, idle at 0 W, PUE 1:
    // 1,000 kWh a month × 0.10 = 100 a month; 12 months = 1,200. Resale 25 % of 80,000 = 20,000.
    const s = scenario([buy({ resalePctOfGpuPrice: 25 })]);
    const t = evaluateScenario(s).options[0]!.alone.totals;
    expect(t.byCategory.capex).toBeCloseTo(100_000, 6);
    expect(t.byCategory.energy).toBeCloseTo(1_200, 6);
    expect(t.byCategory.resale).toBeCloseTo(-20_000, 6);
    expect(t.costCcy).toBeCloseTo(81_200, 6);
    expect(t.costPerUsefulGpuHourCcy).toBeCloseTo(81_200 / 12_000, 9);
  });

  it('idle GPUs draw their idle power, hosts their own, all month once installed', () => {
    // Busy 1,000 h × 1,000 W = 1,000 kWh; idle (5,840 − 1,000) h × 50 W = 242 kWh;
    // 1 server × 730 h × 500 W = 365 kWh → 1,607 kWh × PUE 1.5 = 2,410.5 kWh a month.
    const s = scenario([buy({ idlePowerWPerGpu: 50, hostPowerWPerServer: 500, pue: 1.5 })], { months: 1 });
    const t = evaluateScenario(s).options[0]!.alone.totals;
    expect(t.itEnergyKWh).toBeCloseTo(1_607, 6);
    expect(t.facilityEnergyKWh).toBeCloseTo(2_410.5, 6);
    expect(t.byCategory.energy).toBeCloseTo(241.05, 6);
  });

  it('colocation is charged per contracted kW from delivery; nothing runs before', () => {
    // 8 × 1,000 W + 1 × 2,000 W host = 10 kW × 200 = 2,000 a month, from month 2 of 6 → 4 months = 8,000.
    const s = scenario(
      [buy({ hostPowerWPerServer: 2000, leadTimeMonths: 2, hosting: { kind: 'colocation', colocationCcyPerKWMonth: 200 } })],
      { months: 6 },
    );
    const r = evaluateScenario(s).options[0]!.alone;
    expect(r.totals.byCategory.hosting).toBeCloseTo(8_000, 6);
    expect(r.costByCategory.energy[0]).toBe(0);
    expect(r.costByCategory.energy[1]).toBe(0);
    // Demand in months 0–1 is not served: 2 × 1,000 GPU-hours unmet.
    expect(r.totals.servedRefGpuHours).toBeCloseTo(4_000, 6);
  });

  it('maintenance and staff are spread monthly from delivery', () => {
    const s = scenario([buy({ maintenanceCcyPerYear: 12_000, staffCcyPerYear: 24_000, leadTimeMonths: 3 })], { months: 12 });
    // (12,000 + 24,000) / 12 = 3,000 a month × 9 months.
    expect(evaluateScenario(s).options[0]!.alone.totals.byCategory.maintenance).toBeCloseTo(27_000, 6);
  });

  it('a loan is amortised: level payments, interest separate, the unpaid balance counted at the end', () => {
    // Annuity on 100,000 at 12 %/year (1 %/month) over 24 months: A = 100,000 × 0.01 / (1 − 1.01^−24) = 4,707.35.
    expect(loanPayment(100_000, 12, 24)).toBeCloseTo(4_707.347, 2);
    const s = scenario([buy({ financing: { kind: 'loan', annualRatePct: 12, termMonths: 24 } })], { months: 12 });
    const t = evaluateScenario(s).options[0]!.alone.totals;
    // Payments in months 1–11 (11 payments), then the balance: capex (principal) adds up to 100,000.
    expect(t.byCategory.capex).toBeCloseTo(100_000, 4);
    // Interest of the first 11 payments: Σ balance_k × 1 %; the remaining balance after k payments
    // is 100,000 × 1.01^k − A × (1.01^k − 1) / 0.01.
    const A = loanPayment(100_000, 12, 24);
    let balance = 100_000;
    let interest = 0;
    for (let k = 0; k < 11; k++) {
      interest += balance * 0.01;
      balance -= A - balance * 0.01;
    }
    expect(t.byCategory.interest).toBeCloseTo(interest, 4);
    expect(interest).toBeGreaterThan(0);
  });

  it('zero-interest loan: principal ÷ term', () => {
    expect(loanPayment(12_000, 0, 12)).toBe(1_000);
    expect(loanBalance(12_000, 0, 12, 3)).toBe(9_000);
  });

  it('the balance after k payments, in closed form, is the month-by-month amortisation — also for rates near 0', () => {
    for (const ratePct of [12, 6, 0.5, 1e-6, 8.8e-11, 1e-13]) {
      for (const [term, paid] of [[24, 11], [14, 14], [84, 1], [1, 0]] as const) {
        const A = loanPayment(1000, ratePct, term);
        let balance = 1000;
        for (let k = 0; k < paid; k++) balance -= A - balance * (ratePct / 1200);
        expect(Math.abs(loanBalance(1000, ratePct, term, paid) - balance), `${ratePct} %, ${paid}/${term}`).toBeLessThan(1e-9);
      }
    }
  });

  it('depreciation is an accounting view: straight line from delivery, not part of the cash total', () => {
    // 100,000 over 4 years = 2,083.33 a month; 12 months from month 0 → book value 75,000.
    const s = scenario([buy()]);
    const r = evaluateScenario(s).options[0]!.alone;
    expect(r.depreciation!.perMonthCcy[0]).toBeCloseTo(100_000 / 48, 6);
    expect(r.depreciation!.bookValueAtEndCcy).toBeCloseTo(75_000, 6);
  });
});

describe('rented capacity', () => {
  it('on demand: GPU-hours used × price', () => {
    const t = evaluateScenario(scenario([cloud({ priceCcyPerGpuHour: 3 })])).options[0]!.alone.totals;
    // 1,000 h × 12 months × 3 = 36,000.
    expect(t.byCategory.rent).toBeCloseTo(36_000, 6);
    expect(t.costPerUsefulGpuHourCcy).toBeCloseTo(3, 9);
  });

  it('spot: the interruption overhead inflates the paid hours', () => {
    const t = evaluateScenario(scenario([cloud({ pricingModel: 'spot', priceCcyPerGpuHour: 1, spotInterruptionOverheadPct: 20 })]))
      .options[0]!.alone.totals;
    // 12,000 useful hours × 1.2 × 1 = 14,400.
    expect(t.byCategory.rent).toBeCloseTo(14_400, 6);
    expect(t.usedGpuHours).toBeCloseTo(14_400, 6);
  });

  it('reserved: every committed hour is paid, used or not, and the rest of the term is owed', () => {
    // 2 GPUs × 730 h × 2.5 = 3,650 a month; 18 months = 65,700; the 1-year term in progress
    // ends at month 24: 6 more months = 21,900 beyond the horizon.
    const s = scenario([cloud({ pricingModel: 'reserved1y', committedGpus: 2, priceCcyPerGpuHour: 2.5, demandSharePct: 0 }), market()], {
      months: 18,
    });
    const e = evaluateScenario(s);
    const r = e.options[0]!.alone.totals;
    expect(r.byCategory.rent).toBeCloseTo(65_700, 6);
    expect(r.byCategory.commitmentBeyondHorizon).toBeCloseTo(21_900, 6);
    // Alone it serves min(1,000, 1,460) a month: all of the demand.
    expect(r.servedRefGpuHours).toBeCloseTo(18_000, 6);
  });

  it('decentralised: reliability overhead on the hours, platform fee on the price', () => {
    const t = evaluateScenario(scenario([market({ priceCcyPerGpuHour: 2, reliabilityOverheadPct: 10, platformFeePct: 5 })]))
      .options[0]!.alone.totals;
    // 12,000 × 1.1 = 13,200 h × 2 = 26,400 rent; fee 5 % = 1,320.
    expect(t.byCategory.rent).toBeCloseTo(26_400, 6);
    expect(t.byCategory.fees).toBeCloseTo(1_320, 6);
  });

  it('egress and storage are charged in months the option is used', () => {
    // Training run of 3 months in a 12-month horizon: charged 3 times.
    const workload = { kind: 'training' as const, referenceAcceleratorId: 'nvidia-h100-sxm', parametersBillion: 1, tokensBillion: 10, mfuPct: 50, deadlineMonths: 3 };
    const t = evaluateScenario(scenario([cloud({ egressCcyPerMonth: 100, storageCcyPerMonth: 50 })], { workload })).options[0]!.alone.totals;
    expect(t.byCategory.egressStorage).toBeCloseTo(450, 6);
  });

  it('an option on a slower accelerator needs more of its own GPU-hours', () => {
    // A100 (312 TFLOPS) serving H100 (989 TFLOPS) GPU-hours: 989/312 = 3.17 A100-hours per H100-hour.
    const t = evaluateScenario(scenario([cloud({ acceleratorId: 'nvidia-a100-80gb', priceCcyPerGpuHour: 1 })])).options[0]!.alone.totals;
    expect(t.usedGpuHours).toBeCloseTo((12_000 * 989) / 312, 6);
    expect(t.costPerUsefulGpuHourCcy).toBeCloseTo(989 / 312, 9);
  });
});

describe('present value', () => {
  it('discounts month m by (1 + r)^(m/12), month 0 undiscounted', () => {
    // 100 in month 0 and 100 in month 12 at 10 %/year: 100 + 100/1.1 = 190.909.
    const xs = new Array(13).fill(0);
    xs[0] = 100;
    xs[12] = 100;
    expect(npv(xs, 10)).toBeCloseTo(190.909_09, 4);
  });

  it('equals the total at a 0 % rate', () => {
    const e = evaluateScenario(scenario([buy(), cloud({ demandSharePct: 100 })]));
    expect(e.mix.totals.npvCcy).toBeCloseTo(e.mix.totals.costCcy, 6);
  });
});

describe('price trends and the order month', () => {
  it('a pay-as-you-go price drifts by its monthly trend: price × (1 + trend)^m', () => {
    const t = evaluateScenario(scenario([cloud({ priceCcyPerGpuHour: 2, priceTrendPctPerMonth: -1 })])).options[0]!.alone.totals;
    let expected = 0;
    for (let m = 0; m < 12; m++) expected += 1000 * 2 * 0.99 ** m;
    expect(t.byCategory.rent).toBeCloseTo(expected, 6);
  });

  it('a reservation fixes its price for each term; the next term starts at the trended price', () => {
    // 1 GPU × 730 h × 2.0 for months 0–11; × 2.0 × 0.99^12 for months 12–17 and the 6 months beyond.
    const s = scenario([cloud({ pricingModel: 'reserved1y', committedGpus: 1, priceCcyPerGpuHour: 2, priceTrendPctPerMonth: -1, demandSharePct: 0 }), market()], {
      months: 18,
    });
    const t = evaluateScenario(s).options[0]!.alone.totals;
    const second = 2 * 0.99 ** 12;
    expect(t.byCategory.rent).toBeCloseTo(730 * (2 * 12 + second * 6), 6);
    expect(t.byCategory.commitmentBeyondHorizon).toBeCloseTo(730 * second * 6, 6);
  });

  it('a purchase ordered later pays the trended price then, and delivers lead time after the order', () => {
    // Ordered in month 3 at 10,000 × 0.98^3 per GPU, delivered in month 5 (lead time 2).
    const s = scenario([buy({ orderMonth: 3, leadTimeMonths: 2, priceTrendPctPerMonth: -2, resalePctOfGpuPrice: 50 })]);
    const r = evaluateScenario(s).options[0]!.alone;
    const price = 10_000 * 0.98 ** 3;
    expect(r.costByCategory.capex[3]).toBeCloseTo(8 * price + 20_000, 6);
    expect(r.costByCategory.capex[0]).toBe(0);
    expect(r.servedRefGpuHours[4]).toBe(0);
    expect(r.servedRefGpuHours[5]).toBeCloseTo(1000, 9);
    expect(r.totals.byCategory.resale).toBeCloseTo(-8 * price * 0.5, 6);
  });

  it('break-even weighs renting month by month at the trended rate', () => {
    // Installed 5,840 h a month for 12 months; renting it at 2 × 0.98^m costs Σ 5,840 × 2 × 0.98^m.
    const s = scenario([buy(), cloud({ priceCcyPerGpuHour: 2, priceTrendPctPerMonth: -2 })], {
      workload: { kind: 'gpuHours', referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: 5840, growthPctPerMonth: 0 },
    });
    const b = evaluateScenario(s).options[0]!.breakEven!;
    let rentAll = 0;
    for (let m = 0; m < 12; m++) rentAll += 5840 * 2 * 0.98 ** m;
    expect(b.rentalCcyPerRefGpuHour).toBeCloseTo(rentAll / (5840 * 12), 9);
    expect(b.utilisation).toBeCloseTo(100_000 / (rentAll - 7_008), 9);
  });
});
