// A team catalog kept between visits (issue 13): imported — one price overridden — stored,
// restored on the next visit, removed; a bad file refused with the row named and nothing stored
// changing. The storage is the real Library (idb) over fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { activeCatalog, activeTeam, builtInCatalog, setActiveCatalog } from '../../src/catalog/active.ts';
import { TEAM_CATALOG_KEY, importTeamCatalog, loadTeamCatalog, removeTeamCatalog, type StoredTeamCatalog } from '../../src/catalog/team-store.ts';
import { Library } from '../../src/storage/library.ts';
import { importTeamFile, removeTeamFile, restoreTeamCatalog } from '../../src/state/team-catalog.ts';
import { suggestField } from '../../src/scenario/suggest.ts';
import { cloud } from './helpers.ts';

const ctx = { settings: { currency: 'USD' as const, usdPerCurrencyUnit: null, horizonMonths: 36, plannerCountry: 'FRA' } };
const file = (price: number, over: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'compute-planner/catalog',
    name: 'Our negotiated prices',
    date: '2026-11-30',
    cloudPrices: [
      { provider: 'AWS', acceleratorId: 'nvidia-h100-sxm', pricingModel: 'onDemand', region: 'us-east-1', regionCountry: 'USA', pricePerGpuHour: price, currency: 'USD', date: '2026-11-15', source: 'AWS private pricing, contract 2026-11' },
    ],
    ...over,
  });
const option = cloud({ provider: 'AWS', region: 'us-east-1', acceleratorId: 'nvidia-h100-sxm', pricingModel: 'onDemand' });
const price = () => suggestField(option, 'priceCcyPerGpuHour', ctx)?.value;

let n = 0;
async function open(name: string): Promise<Library> {
  const r = await Library.open(name);
  if (!r.ok) throw new Error('no storage');
  return r.library;
}

afterEach(() => setActiveCatalog(null));

describe('a stored team catalog', () => {
  it('overrides one price, is stored, comes back on the next visit, and is removed', async () => {
    const db = `team-${++n}`;
    const lib = await open(db);
    const builtInPrice = price();
    expect(builtInPrice).toBe(6.88);
    const r = await importTeamFile(lib, file(5));
    expect(r).toEqual({ ok: true, stored: true });
    expect(price()).toBe(5);
    expect(activeTeam()).toMatchObject({ name: 'Our negotiated prices', date: '2026-11-30' });
    const stored = await lib.getMeta<StoredTeamCatalog>(TEAM_CATALOG_KEY);
    expect(stored?.contentHash).toMatch(/^[0-9a-f]{16}$/);
    expect(stored?.contentHash).toBe(activeTeam()?.contentHash);

    // Next visit: a fresh page (built-in catalog) over the same database.
    setActiveCatalog(null);
    expect(price()).toBe(builtInPrice);
    await restoreTeamCatalog(await open(db));
    expect(price()).toBe(5);
    expect(activeCatalog().contentHash).not.toBe(builtInCatalog.contentHash);

    expect(await removeTeamFile(lib)).toEqual({ ok: true });
    expect(price()).toBe(builtInPrice);
    expect(activeTeam()).toBeNull();
    expect(await loadTeamCatalog(lib, builtInCatalog)).toBeNull();
  });

  it('a bad file is refused naming its row, and the stored catalog does not change', async () => {
    const lib = await open(`team-${++n}`);
    const first = await importTeamCatalog(lib, file(5), builtInCatalog, new Date('2026-12-01T00:00:00Z'));
    expect(first.ok).toBe(true);
    const before = await lib.getMeta<StoredTeamCatalog>(TEAM_CATALOG_KEY);
    const bad = JSON.parse(file(4)) as { cloudPrices: Record<string, unknown>[] };
    delete bad.cloudPrices[0]!.date;
    const r = await importTeamCatalog(lib, JSON.stringify(bad), builtInCatalog, new Date());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^cloudPrices\.0\.date/);
    const unknownField = await importTeamCatalog(lib, file(4, { discount: 3 }), builtInCatalog, new Date());
    expect(unknownField.ok).toBe(false);
    expect(await lib.getMeta<StoredTeamCatalog>(TEAM_CATALOG_KEY)).toEqual(before);
    const back = await loadTeamCatalog(lib, builtInCatalog);
    expect(back?.ok && back.team.file.cloudPrices[0]!.pricePerGpuHour).toBe(5);
    await removeTeamCatalog(lib);
  });

  it('a stored file that no longer reads is reported and not applied', async () => {
    const lib = await open(`team-${++n}`);
    await lib.putMeta(TEAM_CATALOG_KEY, { text: '{"format":"compute-planner/catalog"}', name: 'old', date: '2026-01-01', contentHash: 'x', importedAt: '' });
    const r = await loadTeamCatalog(lib, builtInCatalog);
    expect(r?.ok).toBe(false);
    if (r && !r.ok) expect(r.message).toContain('"old" no longer reads');
    await restoreTeamCatalog(lib);
    expect(activeTeam()).toBeNull();
  });
});
