import { describe, expect, it } from 'vitest';
import { byCurrency, likeForLike, type Compared } from '../../../src/ui/compare/like-for-like.ts';

const item = (over: Partial<Compared>): Compared => ({
  id: 'a',
  name: 'A',
  currency: 'USD',
  usdPerCurrencyUnit: 1,
  exchangeRateDate: null,
  months: 36,
  demandRefGpuHours: 243_000,
  servedRefGpuHours: 243_000,
  ...over,
});

describe('like for like', () => {
  it('the same demand, horizon and currency: nothing differs', () => {
    expect(likeForLike([item({}), item({ id: 'b', servedRefGpuHours: 243_100 })])).toEqual({ demandDiffers: false, horizonDiffers: false, currencyDiffers: false, toUsd: null, unconvertible: false });
  });

  it('issue 10 path 5: 24 months of 59k GPU-hours against 36 months of 243k', () => {
    const l = likeForLike([item({ id: 's', months: 24, demandRefGpuHours: 58_992, servedRefGpuHours: 58_992 }), item({ id: 'l' })]);
    expect(l.demandDiffers).toBe(true);
    expect(l.horizonDiffers).toBe(true);
    expect(l.currencyDiffers).toBe(false);
  });

  it('the same demand asked but not the same served (unmet demand) differs too', () => {
    expect(likeForLike([item({}), item({ id: 'b', servedRefGpuHours: 200_000 })]).demandDiffers).toBe(true);
  });

  it('MAD and USD with a dated rate: converted to US dollars at each one’s own rate', () => {
    const l = likeForLike([item({}), item({ id: 'm', currency: 'MAD', usdPerCurrencyUnit: 0.1, exchangeRateDate: '2026-11-01' })]);
    expect(l.currencyDiffers).toBe(true);
    expect(l.unconvertible).toBe(false);
    expect([...l.toUsd!]).toEqual([
      ['a', 1],
      ['m', 0.1],
    ]);
  });

  it('a rate without a date, or no rate: not converted, one chart per currency', () => {
    for (const over of [{ usdPerCurrencyUnit: 0.1, exchangeRateDate: null }, { usdPerCurrencyUnit: null, exchangeRateDate: '2026-11-01' }]) {
      const items = [item({}), item({ id: 'm', currency: 'MAD', ...over }), item({ id: 'b' })];
      const l = likeForLike(items);
      expect(l.toUsd).toBeNull();
      expect(l.unconvertible).toBe(true);
      expect(byCurrency(items)).toEqual([
        { currency: 'USD', ids: ['a', 'b'] },
        { currency: 'MAD', ids: ['m'] },
      ]);
    }
  });
});
