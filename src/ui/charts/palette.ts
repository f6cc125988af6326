// Okabe–Ito colours (readable with colour-vision deficiencies); the mix is drawn in ink.
export const OPTION_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442'];
export const MIX_COLOUR = '#222222';

export function optionColour(i: number): string {
  return OPTION_COLOURS[i % OPTION_COLOURS.length]!;
}

/** Splits a long axis label into lines of at most `width` characters (Chart.js draws arrays as lines). */
export function wrapLabel(label: string, width = 16): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 3 ? [...lines.slice(0, 2), `${lines[2]}…`] : lines;
}

/** A category label's line on a chart axis: Chart.js's tick font, 12 px at line height 1.2, and the gap between two categories. */
const TICK_LINE_PX = 12 * 1.2;
const CATEGORY_GAP_PX = 10;

/**
 * Height (px) of a horizontal bar chart that gives every category label (`labels`, its lines) room
 * for all its lines — labels that share too little height are drawn over one another — and at
 * least `minPx`; `chromePx` is the legend's and the value axis's share. Chart.js gives every
 * category the same height: each gets the room of the label with the most lines.
 */
export function categoryChartHeight(labels: readonly (readonly string[])[], minPx: number, chromePx = 96): number {
  const lines = labels.reduce((most, l) => Math.max(most, l.length), 1);
  return Math.max(minPx, Math.ceil(chromePx + labels.length * (lines * TICK_LINE_PX + CATEGORY_GAP_PX)));
}
