import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitteeKind } from '@jalon/shared';
import { useFormat } from '../../lib/format';
import { CHART_COLORS } from '../../lib/chartColors';
import { monthTicks } from '../plan/indicatorSeries';

// Loaded lazily (recharts): progress lines over time, held meetings marked on the axis.

export interface ProgressLine {
  key: string;
  name: string;
  color: string;
  dashed?: boolean;
  width?: number;
}

export interface ChartRow {
  time: number;
  [key: string]: number | null;
}

export interface ChartMeeting {
  id: number;
  time: number;
  committeeKind: CommitteeKind;
}

const MEETING_COLORS: Record<CommitteeKind, string> = {
  copil: '#b3261e',
  cotech: '#5f6b7a',
};

export function ProgressLineChart({
  rows,
  lines,
  meetings,
}: {
  rows: ChartRow[];
  lines: ProgressLine[];
  meetings: ChartMeeting[];
}) {
  const { t, i18n } = useTranslation('progressHistory');
  const format = useFormat();
  const tickDate = useMemo(
    () =>
      new Intl.DateTimeFormat(i18n.language, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    [i18n.language],
  );
  const start = rows[0]?.time ?? 0;
  const end = rows.at(-1)?.time ?? start;
  return (
    <ResponsiveContainer width="100%" height={320}>
      <LineChart
        accessibilityLayer={false}
        data={rows}
        margin={{ top: 24, right: 24, bottom: 8, left: 8 }}
      >
        <CartesianGrid stroke={CHART_COLORS.grid} />
        <XAxis
          type="number"
          dataKey="time"
          domain={[start, end]}
          scale="time"
          ticks={monthTicks(start, end)}
          tickFormatter={(v: number) => tickDate.format(new Date(v))}
          tick={{ fontSize: 12 }}
        />
        <YAxis
          type="number"
          domain={[0, 100]}
          width={52}
          tick={{ fontSize: 12 }}
          tickFormatter={(v: number) => format.percent(v)}
        />
        <Legend verticalAlign="bottom" height={32} itemSorter={null} />
        {meetings.map((m) => (
          <ReferenceLine
            key={m.id}
            x={m.time}
            stroke={MEETING_COLORS[m.committeeKind]}
            strokeDasharray={m.committeeKind === 'copil' ? undefined : '3 3'}
            // COPIL above the plot, COTECH just inside it: two rows, so close meetings stay legible.
            label={{
              value: t(`panel.kindShort.${m.committeeKind}`),
              position: m.committeeKind === 'copil' ? 'top' : 'insideTopLeft',
              fontSize: 11,
              fill: MEETING_COLORS[m.committeeKind],
            }}
          />
        ))}
        {lines.map((line) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.name}
            stroke={line.color}
            strokeWidth={line.width ?? 2}
            strokeDasharray={line.dashed ? '6 4' : undefined}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
