import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { useFormat } from '../../lib/format';
import { CHART_COLORS } from '../../lib/chartColors';

/** Horizontal bars of 0-100 progress figures, one per labelled row. Loaded lazily (recharts). */
export function ProgressBarChart({ rows }: { rows: { label: string; value: number | null }[] }) {
  const format = useFormat();
  const data = rows.map((r) => ({ label: r.label, value: r.value ?? 0 }));
  const height = Math.max(160, 36 * data.length + 40);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ left: 8, right: 48, top: 8, bottom: 8 }}
      >
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis type="number" domain={[0, 100]} tickFormatter={(v: number) => format.percent(v)} />
        <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 13 }} />
        <Bar dataKey="value" fill={CHART_COLORS.primary} isAnimationActive={false} barSize={20}>
          <LabelList
            dataKey="value"
            position="right"
            formatter={(v: unknown) => format.percent(Number(v))}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
