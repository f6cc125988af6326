// Messages of the grid zone and data-year choice (src/ui/editor/GridChoice.svelte, loaded on
// demand; see src/i18n/area.ts).
import type { AreaMessages } from '../area.ts';

export const messages = {
  en: {
    'grid.zone': 'Grid zone',
    'grid.national': 'National grid',
    'grid.year': 'Data year of the grid',
    'grid.yearHelp': 'The year the compute runs in, among the years the reference data holds.',
    'grid.newest': 'Newest ({year})',
    'grid.used': 'Grid used: {g} gCO2e/kWh, {where}, data year {year}',
    'grid.usedNoYear': 'Grid used: {g} gCO2e/kWh, {where}',
    'grid.own': 'Grid used: your own figure, {g} gCO2e/kWh',
  },
  fr: {
    'grid.zone': 'Zone du réseau',
    'grid.national': 'Réseau national',
    'grid.year': 'Année des données du réseau',
    'grid.yearHelp': 'L’année où le calcul tourne, parmi les années que les données de référence contiennent.',
    'grid.newest': 'La plus récente ({year})',
    'grid.used': 'Réseau utilisé : {g} gCO2e/kWh, {where}, année des données {year}',
    'grid.usedNoYear': 'Réseau utilisé : {g} gCO2e/kWh, {where}',
    'grid.own': 'Réseau utilisé : votre chiffre, {g} gCO2e/kWh',
  },
} as const satisfies AreaMessages;
