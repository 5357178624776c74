import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceDot,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorTrack } from '@jalon/shared';
import { useFormat } from '../../lib/format';
import { CHART_COLORS } from '../../lib/chartColors';
import { dayTime, monthTicks, type MeasurementRow, type PlanIndicator } from './indicatorSeries';

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
}

/**
 * Measurements against the straight line from baseline to target, the target marked. The latest
 * measurement carries its track in words and, when off track, a distinct shape and colour.
 * Loaded lazily (recharts).
 */
export function IndicatorChart({
  indicator,
  rows,
  track,
}: {
  indicator: PlanIndicator;
  rows: MeasurementRow[];
  track: IndicatorTrack;
}) {
  const { t, i18n } = useTranslation('plan');
  const { t: tv } = useTranslation('vocab');
  const format = useFormat();
  const tickDate = useMemo(
    () =>
      new Intl.DateTimeFormat(i18n.language, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    [i18n.language],
  );
  const start = dayTime(indicator.baselineDate);
  const end = Math.max(dayTime(indicator.targetDate), ...rows.map((r) => r.time));
  const trajectory = [
    { time: start, value: indicator.baselineValue },
    { time: dayTime(indicator.targetDate), value: indicator.targetValue },
  ];
  const measured = rows.map((r) => ({ time: r.time, value: r.value }));
  const lastIndex = measured.length - 1;
  const offTrack = track === 'off_track';

  const renderDot = ({ cx, cy, index }: DotProps) => {
    const key = `dot-${index ?? 0}`;
    if (cx === undefined || cy === undefined) return <g key={key} />;
    if (index !== lastIndex) {
      return <circle key={key} cx={cx} cy={cy} r={4} fill={CHART_COLORS.measured} />;
    }
    const color = offTrack ? CHART_COLORS.target : CHART_COLORS.measured;
    return (
      <g key={key}>
        {offTrack ? (
          <path
            d={`M${cx},${cy - 9} L${cx + 8},${cy + 6} L${cx - 8},${cy + 6} Z`}
            fill={color}
            stroke="#fff"
            strokeWidth={1.5}
          />
        ) : (
          <circle cx={cx} cy={cy} r={6} fill={color} stroke="#fff" strokeWidth={1.5} />
        )}
        <text
          x={cx}
          y={cy + 22}
          textAnchor="middle"
          fontSize={12}
          fontWeight={600}
          fill={offTrack ? CHART_COLORS.target : '#1b2430'}
        >
          {tv(`indicatorTrack.${track}`)}
        </text>
      </g>
    );
  };

  return (
    <ResponsiveContainer width="100%" height={300}>
      <ComposedChart accessibilityLayer={false} margin={{ top: 16, right: 44, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} />
        <XAxis
          type="number"
          dataKey="time"
          domain={[start, end]}
          scale="time"
          tickFormatter={(v: number) => tickDate.format(new Date(v))}
          ticks={monthTicks(start, end)}
          tick={{ fontSize: 12 }}
        />
        <YAxis
          type="number"
          dataKey="value"
          width={72}
          tick={{ fontSize: 12 }}
          tickFormatter={(v: number) => format.number(v)}
          label={{
            value: indicator.unit,
            angle: -90,
            position: 'insideLeft',
            style: { textAnchor: 'middle', fontSize: 12 },
          }}
        />
        <Legend verticalAlign="top" height={28} />
        <Line
          data={trajectory}
          dataKey="value"
          name={t('indicators.trajectory')}
          stroke={CHART_COLORS.expected}
          strokeDasharray="6 4"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          data={measured}
          dataKey="value"
          name={t('indicators.measured')}
          stroke={CHART_COLORS.measured}
          strokeWidth={2}
          dot={renderDot}
          isAnimationActive={false}
        />
        <ReferenceDot
          x={dayTime(indicator.targetDate)}
          y={indicator.targetValue}
          r={7}
          fill="#fff"
          stroke={CHART_COLORS.target}
          strokeWidth={3}
          ifOverflow="extendDomain"
          label={{
            value: t('indicators.targetLabel', { value: format.number(indicator.targetValue) }),
            position: 'bottom',
            offset: 12,
            fontSize: 12,
            fontWeight: 600,
            fill: CHART_COLORS.target,
          }}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
