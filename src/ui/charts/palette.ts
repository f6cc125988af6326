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
