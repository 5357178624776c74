// Chart text that costs nothing to place. Recharts draws each tick and bar label with its `Text`,
// which measures the label's words in the DOM to wrap them to the space available, and by default
// measures every tick label again to drop those that would overlap. On the territory dashboard
// that measuring was a good part of its longest task. A plain label is one SVG text, measured by
// nobody: use `plainTick` with `interval={0}` (every tick drawn, no overlap check) on axes whose
// labels are short and known to fit (percentages, counts, plan codes, statuses), and
// `plainEndLabel` as the `content` of a `LabelList` at the end of horizontal bars.

import type { LabelProps } from 'recharts';
import { CHART_COLORS } from './chartColors';

/** What recharts hands a tick function: the tick's place and style, and its value. */
interface TickProps {
  x?: number | string;
  y?: number | string;
  index?: number;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  verticalAnchor?: 'start' | 'middle' | 'end';
  fill?: string;
  className?: string;
  /** Ticks of these axes are numbers or category names. */
  payload?: { value?: string | number };
  tickFormatter?: (value: string | number | undefined, index: number) => string;
}

/** How far below its anchor a line of text sits, as recharts' `Text` places it. */
const BASELINE_SHIFT = { start: '0.71em', middle: '0.355em', end: '0' } as const;

/** A tick function drawing each label as one plain SVG text (in the page's font size unless given). */
export function plainTick({ fontSize, fill }: { fontSize?: number; fill?: string } = {}) {
  return function PlainTick(props: TickProps) {
    const value = props.payload?.value;
    const label = props.tickFormatter
      ? props.tickFormatter(value, props.index ?? 0)
      : String(value ?? '');
    return (
      <text
        x={props.x}
        y={props.y}
        dy={BASELINE_SHIFT[props.verticalAnchor ?? 'middle']}
        textAnchor={props.textAnchor}
        fill={fill ?? props.fill}
        fontSize={fontSize}
        className={props.className}
      >
        {label}
      </text>
    );
  };
}

/**
 * A `LabelList` content drawing each value, as `format` writes it, just right of the end of its
 * horizontal bar and vertically centred on it (where recharts puts `position="right"` labels).
 */
export function plainEndLabel(
  format: (value: number) => string,
  { fontSize }: { fontSize?: number } = {},
) {
  // Recharts hands the content the bar's box (`viewBox`), the gap to keep and the value.
  return function PlainEndLabel({ viewBox, offset = 5, value }: LabelProps) {
    if (value === null || value === undefined || !viewBox || !('width' in viewBox)) return null;
    const { x = 0, y = 0, width = 0, height = 0 } = viewBox;
    return (
      <text
        x={x + width + offset}
        y={y + height / 2}
        dy={BASELINE_SHIFT.middle}
        textAnchor="start"
        fill={CHART_COLORS.label}
        fontSize={fontSize}
      >
        {format(Number(value))}
      </text>
    );
  };
}
