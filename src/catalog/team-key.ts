// The meta key of the stored team catalog (src/catalog/team-store.ts), apart so that the first
// screen can look for one without loading the validator. Never rename: a stored team catalog lives under it.
export const TEAM_CATALOG_KEY = 'teamCatalog';
