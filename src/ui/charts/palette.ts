// Okabe–Ito colours (readable with colour-vision deficiencies); the mix is drawn in ink.
export const OPTION_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442'];
export const MIX_COLOUR = '#222222';

export function optionColour(i: number): string {
  return OPTION_COLOURS[i % OPTION_COLOURS.length]!;
}
