import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { useFormat } from '../../lib/format';
import { CHART_COLORS } from '../../lib/chartColors';

// The meeting mode's charts, loaded lazily (recharts stays out of the first download). Sized in
// pixels from the slide's type size so they read from the back of the room; the slide shows the
// same figures as text, so the charts are hidden from assistive tech.

interface Row {
  label: string;
  value: number | null;
  color?: string;
}

function rowsHeight(count: number, fontSize: number): number {
  return Math.max(3, count) * fontSize * 2.2 + fontSize * 2.5;
}

/** Horizontal 0-100 bars, one per labelled row (a plan's stages, a territory's plans). */
export function ProgressBarsChart({ rows, fontSize }: { rows: Row[]; fontSize: number }) {
  const format = useFormat();
  const data = rows.map((r) => ({ label: r.label, value: r.value ?? 0 }));
  return (
    <ResponsiveContainer width="100%" height={rowsHeight(data.length, fontSize)}>
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ left: 8, right: fontSize * 3.5, top: 4, bottom: 4 }}
      >
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis
          type="number"
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tick={{ fontSize: fontSize * 0.7, fill: '#1b2430' }}
          tickFormatter={(v: number) => format.percent(v)}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={fontSize * 11}
          tick={{ fontSize: fontSize * 0.75, fill: '#1b2430' }}
        />
        <Bar
          dataKey="value"
          fill={CHART_COLORS.primary}
          isAnimationActive={false}
          barSize={fontSize * 1.1}
        >
          <LabelList
            dataKey="value"
            position="right"
            fill="#1b2430"
            fontSize={fontSize * 0.8}
            fontWeight={700}
            formatter={(v: unknown) => format.percent(Number(v))}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Counts as horizontal bars, each in its own colour (actions per status). */
export function CountBarsChart({ rows, fontSize }: { rows: Row[]; fontSize: number }) {
  const format = useFormat();
  const data = rows.map((r) => ({
    label: r.label,
    value: r.value ?? 0,
    color: r.color ?? CHART_COLORS.primary,
  }));
  return (
    <ResponsiveContainer width="100%" height={rowsHeight(data.length, fontSize)}>
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ left: 8, right: fontSize * 2.5, top: 4, bottom: 4 }}
      >
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis
          type="number"
          allowDecimals={false}
          tick={{ fontSize: fontSize * 0.7, fill: '#1b2430' }}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={fontSize * 9}
          tick={{ fontSize: fontSize * 0.75, fill: '#1b2430' }}
        />
        <Bar dataKey="value" isAnimationActive={false} barSize={fontSize * 1.1}>
          {data.map((d) => (
            <Cell key={d.label} fill={d.color} />
          ))}
          <LabelList
            dataKey="value"
            position="right"
            fill="#1b2430"
            fontSize={fontSize * 0.8}
            fontWeight={700}
            formatter={(v: unknown) => format.number(Number(v))}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
