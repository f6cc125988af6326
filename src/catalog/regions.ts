// World regions used for the regional preference of defaults (a planner in France is offered
// European offers first) and for regional electricity tariffs. The grouping is the one of the
// GlobalPetrolPrices business tariffs in the reference data (Europe, North America, ...).
// Environment-free.

export const REGION_OF_COUNTRY: Record<string, string> = {
  ...Object.fromEntries(
    ['FRA', 'DEU', 'GBR', 'IRL', 'NLD', 'SWE', 'NOR', 'FIN', 'ESP', 'ITA', 'POL', 'ISL', 'CHE', 'DNK', 'BEL', 'AUT', 'PRT', 'CZE', 'BGR'].map(
      (c) => [c, 'Europe'],
    ),
  ),
  ...Object.fromEntries(['USA', 'CAN', 'MEX'].map((c) => [c, 'North America'])),
  ...Object.fromEntries(['BRA', 'CHL', 'PER'].map((c) => [c, 'South America'])),
  ...Object.fromEntries(['MAR', 'ZAF', 'COD', 'RWA', 'NGA', 'EGY', 'TUN', 'DZA'].map((c) => [c, 'Africa'])),
  ...Object.fromEntries(
    ['CHN', 'IND', 'JPN', 'KOR', 'TWN', 'SGP', 'MYS', 'IDN', 'HKG', 'ARE', 'SAU', 'ISR', 'TUR', 'VNM', 'MAC', 'TJK', 'QAT', 'OMN', 'KWT', 'BHR'].map(
      (c) => [c, 'Asia'],
    ),
  ),
  AUS: 'Australia',
  NZL: 'Australia',
};

export function regionOf(iso3: string | null | undefined): string | null {
  return iso3 ? (REGION_OF_COUNTRY[iso3] ?? null) : null;
}
