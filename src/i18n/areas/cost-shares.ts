// Messages of the cost-share estimates beside a purchase's servers and facility
// (src/ui/editor/CostShareHint.svelte, loaded on demand; see src/i18n/area.ts).
import type { AreaMessages } from '../area.ts';

export const messages = {
  en: {
    'shares.title': 'Second estimate from published cost shares',
    'shares.server': 'Servers and networking from cost shares: {value} ({low}–{high}).',
    'shares.serverArithmetic': 'Networking {net} % + CPUs {cpu} % + storage {storage} % of a data centre’s capex, over the GPUs’ {gpu} %: {ratio} × the GPU spend ({count} × {price} = {spend}).',
    'shares.use': 'Use {value}',
    'shares.inUse': 'In use',
    'shares.scope': 'Shares of a large GB200 NVL72 build (about 1 GW); a small cluster’s shares may differ. The figure follows the GPU price you give; it does not replace the suggested figure unless you take it.',
    'shares.facility': 'A facility built for these GPUs: about {value} once (mechanical and electrical {me} % of capex, over the GPUs’ {gpu} %: {ratio} × the GPU spend).',
    'shares.facilityMonthly': 'The facility cost here is per month, and no source in the reference data gives one: it stays your own figure.',
  },
  fr: {
    'shares.title': 'Seconde estimation à partir de parts de coût publiées',
    'shares.server': 'Serveurs et réseau d’après les parts de coût : {value} ({low}–{high}).',
    'shares.serverArithmetic': 'Réseau {net} % + processeurs {cpu} % + stockage {storage} % de l’investissement d’un centre de données, rapportés aux {gpu} % des GPU : {ratio} × la dépense en GPU ({count} × {price} = {spend}).',
    'shares.use': 'Utiliser {value}',
    'shares.inUse': 'Utilisé',
    'shares.scope': 'Parts d’une grande construction GB200 NVL72 (environ 1 GW) ; celles d’un petit cluster peuvent différer. Le chiffre suit le prix de GPU que vous donnez ; il ne remplace le chiffre proposé que si vous le prenez.',
    'shares.facility': 'Un site construit pour ces GPU : environ {value} une fois (mécanique et électricité {me} % de l’investissement, rapportés aux {gpu} % des GPU : {ratio} × la dépense en GPU).',
    'shares.facilityMonthly': 'Le coût du site est ici mensuel, et aucune source des données de référence n’en donne : il reste votre propre chiffre.',
  },
} as const satisfies AreaMessages;
