// Messages of the methodology view and its catalog information: they download with it (see src/i18n/area.ts).
import type { AreaMessages } from '../area.ts';

export const messages = {
  en: {
    'methodology.loading': 'Loading the methodology…',
    'methodology.failed': 'The methodology could not be loaded.',
    'catalogInfo.title': 'Reference catalog',
    'catalogInfo.built': 'Built {date} (version {version}, content hash {hash}).',
    'catalogInfo.counts': 'Price rows: {current} current (observed ≤ 6 months before the build), {flagged} 6–12 months old, {old} older (kept as history and trend evidence; never a default when a newer row of the same item exists).',
    'catalogInfo.all': 'All dated figures: {current} current, {flagged} 6–12 months old, {old} older.',
    'catalogInfo.team': 'Team catalog in use: “{name}”, {date}, content hash {hash}. Its rows come before the built-in rows of the items it covers.',
    'catalogInfo.removeTeam': 'Remove the team catalog',
    'catalogInfo.importTeam': 'Import a team catalog (JSON)',
    'catalogInfo.importHelp': 'Format compute-planner/catalog: name, date, and dated, sourced rates, cloud, market and purchase prices. Kept in this browser until removed; a refused file changes nothing stored. Fields already on screen take its figures when next edited.',
    'catalogInfo.refused': 'Catalog refused: {message}',
    'methodology.codeBlock': 'Code',
    'methodology.tableBlock': 'Table',
    'methodology.contents': 'Contents',
  },
  fr: {
    'methodology.loading': 'Chargement de la méthodologie…',
    'methodology.failed': 'La méthodologie n’a pas pu être chargée.',
    'catalogInfo.title': 'Catalogue de référence',
    'catalogInfo.built': 'Construit le {date} (version {version}, empreinte {hash}).',
    'catalogInfo.counts': 'Lignes de prix : {current} actuelles (observées ≤ 6 mois avant la construction), {flagged} de 6 à 12 mois, {old} plus anciennes (gardées comme historique et tendance ; jamais choisies par défaut quand une ligne plus récente du même article existe).',
    'catalogInfo.all': 'Tous les chiffres datés : {current} actuels, {flagged} de 6 à 12 mois, {old} plus anciens.',
    'catalogInfo.team': 'Catalogue d’équipe utilisé : « {name} », {date}, empreinte {hash}. Ses lignes passent avant les lignes intégrées des articles qu’il couvre.',
    'catalogInfo.removeTeam': 'Retirer le catalogue d’équipe',
    'catalogInfo.importTeam': 'Importer un catalogue d’équipe (JSON)',
    'catalogInfo.importHelp': 'Format compute-planner/catalog : nom, date, et taux, prix cloud, de place de marché et d’achat datés et sourcés. Gardé dans ce navigateur jusqu’à son retrait ; un fichier refusé ne change rien d’enregistré. Les champs déjà affichés prennent ses chiffres à leur prochaine modification.',
    'catalogInfo.refused': 'Catalogue refusé : {message}',
    'methodology.codeBlock': 'Code',
    'methodology.tableBlock': 'Tableau',
    'methodology.contents': 'Sommaire',
  },
} as const satisfies AreaMessages;
