// How many characters a category label's line may have on a horizontal bar chart of a given width
// (the tornado's; its own file, so the page's first chunk does not carry it).

/** A character's mean width in a label at Chart.js's 12 px tick font, with a margin: the tornado's labels measure 6.1–6.7 px in Chromium here. */
const TICK_CHAR_PX = 7;

/**
 * Characters per line of a horizontal bar chart's category labels on a chart `chartPx` wide, at
 * most `most`: Chart.js gives the category axis at most half the chart (layout's vBoxMaxWidth), and
 * a longer line runs off the canvas's left edge. 12 px of the half go to the tick padding.
 */
export function labelCharsFor(chartPx: number, most: number): number {
  return Math.max(10, Math.min(most, Math.floor((chartPx / 2 - 12) / TICK_CHAR_PX)));
}
