// Writes the example scenarios in public/examples/ (English) and public/examples/fr/ (French:
// the same figures with French names and notes) from the catalog's suggestions plus the few
// inputs each example states. Every figure not from the catalog is named in the example's notes.
// Run `npm run examples` after the catalog changes; the unit tests validate every example.
import { mkdirSync, writeFileSync } from 'node:fs';
import { catalogRecord } from '../src/catalog/active.ts';
import { applySuggestions, newBuyOption, newCloudOption, newDecentralisedOption } from '../src/scenario/defaults.ts';
import { SCENARIO_FORMAT, SCENARIO_VERSION, type BuyOption, type Pool, type Range, type Scenario, type Settings, type SupplyOption, type Workload } from '../src/scenario/schema.ts';
import { suggestRange, withShippedRate, type SuggestContext } from '../src/scenario/suggest.ts';
import * as rules from '../src/catalog/rules.ts';
import { applyDutyDefault } from '../src/scenario/duty-default.ts';

const CREATED = '2026-12-01T00:00:00.000Z';
const H100 = 'nvidia-h100-sxm';

/** 8 GPUs busy 80 % of the time: 8 × 730 h × 0.8. */
const TEAM_DEMAND: Extract<Workload, { kind: 'gpuHours' }> = { kind: 'gpuHours', referenceAcceleratorId: H100, gpuHoursPerMonth: 4672, growthPctPerMonth: 0 };

type Lang = 'en' | 'fr';

/** Names and notes of the examples, per language; the figures are the same. */
const TEXT = {
  en: {
    ownInputs: 'Sourced (source shown): prices, support, PUE, WUE, water, grid, power, embodied. Duty 0: no tariff applies. Not in the reference data (0, enter yours): staff, host power.',
    buyFrance: (n: number) => `${n}× H100 SXM, colocated in France`,
    aws: 'H100 on demand, AWS Stockholm',
    vast: 'H100 on Vast.ai',
    casablanca: '16× H100, on premises in Casablanca',
    oracle: 'H100 on demand, Oracle Casablanca',
    frBuy: [
      'Buy 8× H100, colocated in France',
      'A French team needs 8 H100 GPUs busy 80 % of the time (4,672 GPU-hours a month) for 3 years. It buys them at the median of the current street prices in the catalog (mid-2026), with one 8-GPU server priced at Epoch AI’s chip-to-server factor, NVIDIA AI Enterprise support per GPU-year, and hosts them in a colocation centre priced at CBRE’s global average. Assumptions of this example: French VAT (20 %) recovered, a lead time of 2 months.',
    ],
    cloud: [
      'Same demand on H100 on demand (AWS)',
      'The same 4,672 GPU-hours a month, rented on demand from a hyperscaler: AWS p5.48xlarge in eu-north-1 (Stockholm), the nearest EU region in the reference prices. Its price is the post-June-2025 catalog row, over 12 months old and flagged: the 2026 data has no newer Stockholm price. No reservation: every hour is paid at the on-demand rate. Egress and storage are not in the reference data: set to 0 — enter your own.',
    ],
    decentralised: [
      'Same demand on a decentralised market (Vast.ai)',
      'The same 4,672 GPU-hours a month hired on Vast.ai at the median of its current H100 SXM offers in the catalog (its API’s marketplace median, October 2026). Vast.ai publishes no platform fee and no measured interruption rate, so both are 0 here: enter your own re-run and checkpoint overhead.',
    ],
    mix: [
      'Mix: own 4 H100, rent the rest',
      'Demand starts at 4,672 GPU-hours a month and grows 2 % a month. Four owned H100s in a French colocation centre serve first; what they cannot serve is split evenly between AWS on demand (Stockholm) and Vast.ai. Ranges: the Vast.ai price spans P5–P95 of the current H100 offers; demand, electricity and the AWS price trend are guesses.',
    ],
    morocco: [
      'Moroccan start-up: train a 7B model',
      'A start-up in Casablanca pre-trains a 7-billion-parameter model on 2 trillion tokens (the Llama 2 7B recipe) at 40 % model-FLOPs utilisation, and must finish in 6 months. 16 H100s bought for premises it already has (facility cost 0 — enter yours) arrive after 3 months; until then, and for what they cannot serve, it rents: 60 % on Oracle Cloud’s Casablanca region, 40 % on Vast.ai. In dirhams at the shipped rate (Morocco’s DGI annual conversion base for 2025, 1 MAD = 0.107021 USD; over 12 months old and flagged — no daily Bank Al-Maghrib rate was found): type the day’s rate to replace it.',
    ],
    // pool (issue 15): three Moroccan start-ups pooling a cluster in Casablanca
    pool: [
      'Three Moroccan start-ups pool 16 H100 in Casablanca',
      'Three start-ups in Casablanca share one cluster of 16 H100s bought for premises one of them already has (facility cost 0 — enter yours), arriving after 3 months, with Oracle Cloud’s Casablanca region on demand for the rest; each is compared with renting alone from the same options. Sourced (source and date shown in the page): the H100 street price, the server factor (Epoch AI), support per GPU-year, Moroccan electricity and grid intensity, the Oracle af-casablanca-1 H100 price, PUE, water and embodied carbon. The rate: Morocco’s DGI annual conversion base for 2025, 1 MAD = 0.107021 USD (over 12 months old and flagged). Assumptions of this example, not reference figures (enter your own): the three demands — Atlas NLP pre-trains a 7-billion-parameter model on 1 trillion tokens at 40 % model-FLOPs utilisation within 6 months; Sahel Agritech serves a model on 8 GPUs around the clock (5,840 GPU-hours a month) from month 6; Medina Health trains vision models on 2 GPUs (1,460 GPU-hours a month) growing 3 % a month — the split of the cluster’s cost by GPU-hours used, VAT (20 %) recovered, a lead time of 3 months.',
    ],
    poolFirst: 'Atlas NLP',
    poolSecond: 'Sahel Agritech',
    poolThird: 'Medina Health',
  },
  fr: {
    ownInputs: 'Sourcés (source affichée) : prix, support, PUE, WUE, eau, réseau, puissance, intrinsèque. Droits 0 : aucun droit ne s’applique. Absents des données (0, saisissez les vôtres) : personnel, puissance de l’hôte.',
    buyFrance: (n: number) => `${n} H100 SXM en colocation en France`,
    aws: 'H100 à la demande, AWS Stockholm',
    vast: 'H100 sur Vast.ai',
    casablanca: '16 H100 sur site à Casablanca',
    oracle: 'H100 à la demande, Oracle Casablanca',
    frBuy: [
      'Acheter 8 H100, en colocation en France',
      'Une équipe française a besoin de 8 GPU H100 occupés 80 % du temps (4 672 heures-GPU par mois) pendant 3 ans. Elle les achète à la médiane des prix de marché actuels du catalogue (mi-2026), avec un serveur de 8 GPU au facteur puce-serveur d’Epoch AI, le support NVIDIA AI Enterprise par GPU et par an, et les héberge dans un centre de colocation au prix moyen mondial de CBRE. Hypothèses de cet exemple : TVA française (20 %) récupérée, délai de livraison de 2 mois.',
    ],
    cloud: [
      'Même besoin sur H100 à la demande (AWS)',
      'Les mêmes 4 672 heures-GPU par mois, louées à la demande chez un hyperscaler : AWS p5.48xlarge en eu-north-1 (Stockholm), la région européenne la plus proche dans les prix de référence. Son prix est la ligne du catalogue postérieure à juin 2025, vieille de plus de 12 mois et signalée : les données 2026 n’ont pas de prix plus récent pour Stockholm. Pas de réservation : chaque heure est payée au tarif à la demande. Le transfert sortant et le stockage ne figurent pas dans les données de référence : à 0 — saisissez les vôtres.',
    ],
    decentralised: [
      'Même besoin sur une place de marché décentralisée (Vast.ai)',
      'Les mêmes 4 672 heures-GPU par mois louées sur Vast.ai, à la médiane de ses offres H100 SXM actuelles dans le catalogue (la médiane de sa place de marché selon son API, octobre 2026). Vast.ai ne publie ni frais de plateforme ni taux d’interruption mesuré : les deux sont à 0 ici ; saisissez votre surcoût de relances et de points de reprise.',
    ],
    mix: [
      'Mix : 4 H100 achetés, le reste loué',
      'La demande part de 4 672 heures-GPU par mois et croît de 2 % par mois. Quatre H100 achetés, en colocation en France, servent d’abord ; ce qu’ils ne peuvent pas servir est partagé à parts égales entre AWS à la demande (Stockholm) et Vast.ai. Plages : le prix Vast.ai couvre P5–P95 des offres H100 actuelles du catalogue ; la demande, l’électricité et la tendance du prix AWS sont des hypothèses de cet exemple.',
    ],
    morocco: [
      'Start-up marocaine : entraîner un modèle 7B',
      'Une start-up de Casablanca pré-entraîne un modèle de 7 milliards de paramètres sur 2 000 milliards de jetons (la recette de Llama 2 7B) à 40 % d’utilisation des FLOPs, et doit terminer en 6 mois. 16 H100 achetés pour des locaux qu’elle possède déjà (coût du site à 0 — saisissez le vôtre) arrivent au bout de 3 mois ; jusque-là, et pour ce qu’ils ne peuvent pas servir, elle loue : 60 % sur la région Casablanca d’Oracle Cloud, 40 % sur Vast.ai. En dirhams au taux fourni (base de conversion annuelle 2025 de la DGI, 1 MAD = 0,107021 USD ; plus de 12 mois, signalé — aucun taux quotidien de Bank Al-Maghrib n’a été trouvé) : saisissez le taux du jour pour le remplacer.',
    ],
    // pool (issue 15): trois start-ups marocaines mutualisent un cluster à Casablanca
    pool: [
      'Trois start-ups marocaines mutualisent 16 H100 à Casablanca',
      'Trois start-ups de Casablanca partagent un cluster de 16 H100 achetés pour des locaux que l’une d’elles possède déjà (coût du site à 0 — saisissez le vôtre), livrés au bout de 3 mois, avec la région Casablanca d’Oracle Cloud à la demande pour le reste ; chacune est comparée à la location seule avec les mêmes options. Sourcés (source et date affichées dans la page) : le prix de marché du H100, le facteur serveur (Epoch AI), le support par GPU-an, l’électricité et l’intensité carbone du réseau marocain, le prix du H100 d’Oracle af-casablanca-1, le PUE, l’eau et le carbone intrinsèque. Le taux : base de conversion annuelle 2025 de la DGI, 1 MAD = 0,107021 USD (plus de 12 mois, signalé). Hypothèses de cet exemple, pas des chiffres de référence (saisissez les vôtres) : les trois demandes — Atlas NLP pré-entraîne un modèle de 7 milliards de paramètres sur 1 000 milliards de jetons à 40 % d’utilisation des FLOPs en 6 mois ; Sahel Agritech sert un modèle sur 8 GPU jour et nuit (5 840 heures-GPU par mois) à partir du mois 6 ; Medina Health entraîne des modèles de vision sur 2 GPU (1 460 heures-GPU par mois) en croissance de 3 % par mois — le partage du coût du cluster selon les heures-GPU utilisées, la TVA (20 %) récupérée, un délai de 3 mois.',
    ],
    poolFirst: 'Atlas NLP',
    poolSecond: 'Sahel Agritech',
    poolThird: 'Medina Health',
  },
} satisfies Record<Lang, unknown>;

function settings(over: Partial<Settings>): Settings {
  return {
    horizonMonths: 36,
    startMonth: '2027-01',
    currency: 'USD',
    usdPerCurrencyUnit: null,
    exchangeRateDate: null,
    discountRatePctPerYear: 8,
    plannerCountry: 'FRA',
    ...over,
  };
}

function scenario(id: string, [name, notes]: string[], s: Settings, workload: Workload, options: SupplyOption[], ranges: Range[] = [], pool?: Pool): Scenario {
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    id,
    name: name!,
    notes: notes!,
    createdAt: CREATED,
    updatedAt: CREATED,
    settings: s,
    workload,
    options,
    uncertainty: { samples: 10_000, seed: 1, ranges },
    catalog: catalogRecord(),
    ...(pool ? { pool } : {}),
  };
}

function examples(lang: Lang): Record<string, Scenario> {
  const x = TEXT[lang];
  const withOwn = ([name, notes]: string[]) => [name!, `${notes} ${x.ownInputs}`];

  const franceBuy = (ctx: SuggestContext, count: number): SupplyOption =>
    applySuggestions(
      { ...newBuyOption(ctx, [], H100), id: 'buy-1', name: x.buyFrance(count), gpuCount: count, vatPct: 20, vatRecoverable: true, leadTimeMonths: 2, gridCountry: 'FRA' },
      ctx,
      ['serverAndNetworkCcy', 'electricityCcyPerKWh', 'maintenanceCcyPerYear'],
    );
  const awsStockholm = (ctx: SuggestContext, share: number): SupplyOption =>
    applySuggestions(
      { ...newCloudOption(ctx, [], H100, 'onDemand'), id: 'cloud-1', name: x.aws, provider: 'AWS', region: 'eu-north-1', regionCountry: 'SWE', demandSharePct: share },
      ctx,
      ['priceCcyPerGpuHour', 'pue', 'wueLPerKWh', 'offsiteWaterLPerKWh'],
    );
  const vast = (ctx: SuggestContext, share: number): SupplyOption =>
    applySuggestions(
      { ...newDecentralisedOption(ctx, [], H100), id: 'decentralised-1', name: x.vast, market: 'Vast.ai', hostCountry: null, demandSharePct: share },
      ctx,
      ['priceCcyPerGpuHour', 'platformFeePct'],
    );

  const fr = settings({ plannerCountry: 'FRA' });
  const frCtx: SuggestContext = { settings: fr };
  const ma = withShippedRate(settings({ plannerCountry: 'MAR', horizonMonths: 24, currency: 'MAD' }));
  const maCtx: SuggestContext = { settings: ma };
  const casablanca = applySuggestions(
    {
      ...newBuyOption(maCtx, [], H100),
      id: 'buy-1',
      name: x.casablanca,
      gpuCount: 16,
      vatPct: 20,
      vatRecoverable: true,
      leadTimeMonths: 3,
      gridCountry: 'MAR',
      hosting: { kind: 'onPrem' as const, facilityCcyPerMonth: 0 },
    },
    maCtx,
    ['serverAndNetworkCcy', 'electricityCcyPerKWh', 'maintenanceCcyPerYear'],
  );
  const oracle = applySuggestions(
    {
      ...newCloudOption(maCtx, [], H100, 'onDemand'),
      id: 'cloud-1',
      name: x.oracle,
      provider: 'Oracle (OCI)',
      region: 'af-casablanca-1',
      regionCountry: 'MAR',
      demandSharePct: 60,
    },
    maCtx,
    ['priceCcyPerGpuHour', 'pue', 'wueLPerKWh', 'offsiteWaterLPerKWh'],
  );

  /** The mix, with ranges: the Vast.ai price over the catalog's published range, the rest this example's judgement. */
  const mix = (): Scenario => {
    const owned = franceBuy(frCtx, 4) as BuyOption;
    const market = vast(frCtx, 50);
    const options = [owned, awsStockholm(frCtx, 50), market];
    const vastRange = suggestRange(market, 'priceCcyPerGpuHour', frCtx);
    if (!vastRange) throw new Error('the catalog has no Vast.ai H100 price range');
    const tariff = owned.electricityCcyPerKWh;
    const round = (x: number) => Number(x.toPrecision(4));
    return scenario('example-mix', withOwn(x.mix), fr, { ...TEAM_DEMAND, growthPctPerMonth: 2 }, options, [
      { target: 'workload', optionId: null, field: 'gpuHoursPerMonth', low: 3500, high: 6000, shape: 'normal' },
      { target: 'option', optionId: 'buy-1', field: 'electricityCcyPerKWh', low: round(tariff * 0.75), high: round(tariff * 1.25), shape: 'normal' },
      { target: 'option', optionId: 'cloud-1', field: 'priceTrendPctPerMonth', low: -2, high: 0, shape: 'uniform' },
      { target: 'option', optionId: 'decentralised-1', field: 'priceCcyPerGpuHour', low: vastRange.low, high: vastRange.high, shape: 'uniform' },
    ]);
  };

  return {
    'fr-buy-8xh100-colocation': scenario('example-fr-buy-8xh100', withOwn(x.frBuy), fr, TEAM_DEMAND, [franceBuy(frCtx, 8)]),
    'cloud-h100-on-demand': scenario('example-cloud-h100-on-demand', x.cloud, fr, TEAM_DEMAND, [awsStockholm(frCtx, 100)]),
    'decentralised-h100-vast': scenario('example-decentralised-h100-vast', x.decentralised, fr, TEAM_DEMAND, [vast(frCtx, 100)]),
    'mix-buy-cloud-decentralised': mix(),
    'ma-startup-train-7b': scenario(
      'example-ma-train-7b',
      withOwn(x.morocco),
      ma,
      { kind: 'training', referenceAcceleratorId: H100, parametersBillion: 7, tokensBillion: 2000, mfuPct: 40, deadlineMonths: 6 },
      [casablanca, oracle, vast(maCtx, 40)],
    ),
    'ma-pool-casablanca': scenario(
      'example-ma-pool-casablanca',
      x.pool,
      { ...ma, horizonMonths: 36 },
      { kind: 'training', referenceAcceleratorId: H100, parametersBillion: 7, tokensBillion: 1000, mfuPct: 40, deadlineMonths: 6 },
      [casablanca, { ...oracle, demandSharePct: 100 }],
      [],
      {
        firstMemberName: x.poolFirst,
        firstMemberCommittedSharePct: null,
        splitRule: 'gpuHours',
        members: [
          { name: x.poolSecond, workload: { kind: 'gpuHours', referenceAcceleratorId: H100, gpuHoursPerMonth: 5840, growthPctPerMonth: 0 }, memberStartMonth: 6, memberActiveMonths: null, committedSharePct: null },
          { name: x.poolThird, workload: { kind: 'gpuHours', referenceAcceleratorId: H100, gpuHoursPerMonth: 1460, growthPctPerMonth: 3 }, memberStartMonth: 0, memberActiveMonths: null, committedSharePct: null },
        ],
      },
    ),
  };
}

for (const lang of ['en', 'fr'] as const) {
  const dir = lang === 'en' ? 'public/examples' : 'public/examples/fr';
  mkdirSync(dir, { recursive: true });
  for (const [file, s] of Object.entries(examples(lang))) {
    // The import duty a tariff event puts on each purchase (none for these countries today).
    for (const o of s.options) if (o.kind === 'buy') applyDutyDefault(rules, o, s.settings);
    writeFileSync(`${dir}/${file}.json`, `${JSON.stringify(s, null, 2)}\n`);
    console.log(`wrote ${dir}/${file}.json`);
  }
}
