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
    'grid.metric': 'Grid factor',
    'grid.metricHelp': 'Life-cycle counts the upstream emissions of the power plants and fuels too; direct counts combustion only (Electricity Maps). The GHG Protocol location-based method asks for the grid average; say which you report.',
    'grid.metric.lifeCycle': 'Life-cycle (default)',
    'grid.metric.direct': 'Direct (combustion only)',
    'grid.metricUsed.lifeCycle': 'life-cycle',
    'grid.metricUsed.direct': 'direct (combustion only)',
    'grid.metricUsed.unstated': 'the source does not say whether life-cycle or direct',
    'grid.noDirect': 'The reference data has no direct (combustion-only) factor for this grid: only the figure above.',
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
    'grid.metric': 'Facteur du réseau',
    'grid.metricHelp': 'Le cycle de vie compte aussi les émissions amont des centrales et des combustibles ; le direct ne compte que la combustion (Electricity Maps). La méthode localisation du GHG Protocol demande la moyenne du réseau ; dites laquelle vous déclarez.',
    'grid.metric.lifeCycle': 'Cycle de vie (par défaut)',
    'grid.metric.direct': 'Direct (combustion seule)',
    'grid.metricUsed.lifeCycle': 'cycle de vie',
    'grid.metricUsed.direct': 'direct (combustion seule)',
    'grid.metricUsed.unstated': 'la source ne dit pas s’il s’agit du cycle de vie ou du direct',
    'grid.noDirect': 'Les données de référence n’ont pas de facteur direct (combustion seule) pour ce réseau : seulement le chiffre ci-dessus.',
  },
} as const satisfies AreaMessages;
