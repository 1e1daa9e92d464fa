// The plot frame every chart shares: the space the axes' labels need around the plot, and the
// plot's box inside a chart of a given pixel size. One place for the margins, so the charts'
// plots line up and a label is never cut at the edge.

export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Tick labels on the left and below, and an x title under them. */
export const MARGINS: Margins = { top: 8, right: 14, bottom: 30, left: 46 };

/** Also a title along the y axis, and room for a label over the top line. */
export const TITLED_MARGINS: Margins = { top: 12, right: 16, bottom: 36, left: 48 };

export interface PlotFrame {
  /** The whole chart, in pixels. */
  width: number;
  height: number;
  /** The plot's box: x grows to the right, y down, as in SVG. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The plot box of a `width` x `height` chart; at least a pixel wide and tall however small the
 * chart is drawn, so scales never divide by zero or turn around. */
export function plotFrame(width: number, height: number, margins: Margins = MARGINS): PlotFrame {
  return {
    width,
    height,
    left: margins.left,
    right: Math.max(margins.left + 1, width - margins.right),
    top: margins.top,
    bottom: Math.max(margins.top + 1, height - margins.bottom),
  };
}
