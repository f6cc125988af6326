// The built-in catalog as the page uses it: the bundled catalog.json (catalog.page.json, without
// notes and source descriptions; see scripts/build-catalog.ts) with the price rows' ids rebuilt
// from their fields (row-ids.ts). Environment-free; imported once, by the modules that read the catalog.
import data from './data/catalog.page.json' with { type: 'json' };
import { fillRowIds } from './row-ids.ts';
import type { Catalog } from './types.ts';

export const builtInCatalog: Catalog = fillRowIds(data);
