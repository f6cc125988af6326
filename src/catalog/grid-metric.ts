// footprint (issue 12): the metrics of a grid factor the reference data gives (grid-2026.json):
// life-cycle (upstream and manufacturing included; the default) and direct (combustion only).
// A tiny module of its own so the schema names them without loading the zone table. Environment-free.
export const GRID_METRICS = ['lifeCycle', 'direct'] as const;
