// Messages of the tokens view (issue 15): the daily load profile of an inference workload in the
// editor and the per-token results, loaded with them (see src/i18n/area.ts).
import type { AreaMessages } from '../area.ts';

export const messages = {
  en: {
    'tokens.profile': 'Daily load profile (peak and average)',
    'tokens.profileHelp': 'Capacity is sized for the peak; energy follows the load (the sustained load above is the daily average). The rest of the day runs at the load that gives the average. Throughputs of one GPU are your own figures: the reference data has none.',
    'tokens.splitHelp': 'Known input and output throughputs split the cost of a token by the GPU time each kind takes; leave all three empty otherwise.',
    'tokens.results.title': 'Price of a token',
    'tokens.results.help': 'Cost over the horizon ÷ tokens served; energy is facility energy (IT × PUE); CO2e is location-based operational plus embodied.',
    'tokens.results.profile': '{gpus} GPUs held for the peak, busy {busy} of the time; {offPeak} tokens/s outside the peak hours.',
    'tokens.col.option': 'Option',
    'tokens.col.cost': 'Cost per million tokens',
    'tokens.col.input': 'Input, per million',
    'tokens.col.output': 'Output, per million',
    'tokens.col.energy': 'Energy per thousand tokens',
    'tokens.col.co2e': 'CO2e per thousand tokens',
    'tokens.alone': '{name} alone',
    'tokens.mix': 'The mix',
    'tokens.none': '—',
    'tokens.mc.band': 'P5 {p5} · P50 {p50} · P95 {p95}',
    'tokens.mc.help': 'Under each option alone: the Monte Carlo’s 5th, 50th and 95th percentiles over {samples} samples, each sample’s cost ÷ its tokens. The Monte Carlo runs each option alone, so the mix has none.',
  },
  fr: {
    'tokens.profile': 'Profil de charge journalier (pointe et moyenne)',
    'tokens.profileHelp': 'La capacité est dimensionnée pour la pointe ; l’énergie suit la charge (la charge soutenue ci-dessus est la moyenne de la journée). Le reste de la journée tourne à la charge qui donne la moyenne. Les débits d’un GPU sont vos propres chiffres : les données de référence n’en ont pas.',
    'tokens.splitHelp': 'Des débits d’entrée et de sortie connus répartissent le coût d’un jeton selon le temps GPU de chaque sorte ; sinon, laissez les trois vides.',
    'tokens.results.title': 'Prix d’un jeton',
    'tokens.results.help': 'Coût sur l’horizon ÷ jetons servis ; l’énergie est celle du site (IT × PUE) ; le CO2e est l’opérationnel (localisation) plus l’intrinsèque.',
    'tokens.results.profile': '{gpus} GPU réservés à la pointe, occupés {busy} du temps ; {offPeak} jetons/s hors des heures de pointe.',
    'tokens.col.option': 'Option',
    'tokens.col.cost': 'Coût par million de jetons',
    'tokens.col.input': 'Entrée, par million',
    'tokens.col.output': 'Sortie, par million',
    'tokens.col.energy': 'Énergie par millier de jetons',
    'tokens.col.co2e': 'CO2e par millier de jetons',
    'tokens.alone': '{name} seule',
    'tokens.mix': 'Le mix',
    'tokens.none': '—',
    'tokens.mc.band': 'P5 {p5} · P50 {p50} · P95 {p95}',
    'tokens.mc.help': 'Sous chaque option seule : les 5e, 50e et 95e centiles du Monte-Carlo sur {samples} tirages, le coût de chaque tirage ÷ ses jetons. Le Monte-Carlo évalue chaque option seule : le mix n’en a pas.',
  },
} as const satisfies AreaMessages;
