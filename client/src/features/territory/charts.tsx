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
import { useTranslation } from 'react-i18next';
import { STAGE_KINDS, type ActionStatus, type StageKind } from '@jalon/shared';
import { useFormat } from '../../lib/format';
import { CHART_COLORS, STAGE_COLORS, STATUS_COLORS } from '../../lib/chartColors';
import { plainEndLabel, plainTick } from '../../lib/plainChartText';

// Loaded lazily (recharts): the territory dashboard's two charts.

export interface PlanChartRow {
  label: string;
  stages: Record<StageKind, number | null>;
}

/** Per plan, its three stages' progress side by side (0-100). */
export function PlanStagesChart({ rows }: { rows: PlanChartRow[] }) {
  const { t } = useTranslation('vocab');
  const format = useFormat();
  const data = rows.map((r) => ({
    label: r.label,
    inventory: r.stages.inventory ?? 0,
    tool_adaptation: r.stages.tool_adaptation ?? 0,
    support_for_change: r.stages.support_for_change ?? 0,
  }));
  const height = Math.max(190, 66 * data.length + 50);
  return (
    <>
      {/* The key in HTML: recharts' Legend measures itself, then redraws the whole chart. */}
      <ul className="chart-legend">
        {STAGE_KINDS.map((kind) => (
          <li key={kind}>
            <span className="chart-legend-swatch" style={{ background: STAGE_COLORS[kind] }} />
            {t(`stageKind.${kind}`)}
          </li>
        ))}
      </ul>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          accessibilityLayer={false}
          data={data}
          layout="vertical"
          barCategoryGap="18%"
          barGap={1}
          margin={{ left: 8, right: 48, top: 8, bottom: 8 }}
        >
          <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
          <XAxis
            type="number"
            domain={[0, 100]}
            tickFormatter={(v: number) => format.percent(v)}
            interval={0}
            tick={plainTick()}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={120}
            interval={0}
            tick={plainTick({ fontSize: 14 })}
          />
          {STAGE_KINDS.map((kind) => (
            <Bar
              key={kind}
              dataKey={kind}
              name={t(`stageKind.${kind}`)}
              fill={STAGE_COLORS[kind]}
              isAnimationActive={false}
              barSize={14}
            >
              <LabelList
                dataKey={kind}
                position="right"
                content={plainEndLabel(format.percent, { fontSize: 12 })}
              />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </>
  );
}

/** Number of actions per status, each bar in its status colour. */
export function StatusChart({ rows }: { rows: { status: ActionStatus; count: number }[] }) {
  const { t } = useTranslation('vocab');
  const format = useFormat();
  const data = rows.map((r) => ({ label: t(`actionStatus.${r.status}`), ...r }));
  const height = Math.max(200, 34 * data.length + 40);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart
        accessibilityLayer={false}
        data={data}
        layout="vertical"
        margin={{ left: 8, right: 40, top: 8, bottom: 8 }}
      >
        <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
        <XAxis type="number" allowDecimals={false} interval={0} tick={plainTick()} />
        <YAxis
          type="category"
          dataKey="label"
          width={130}
          interval={0}
          tick={plainTick({ fontSize: 14 })}
        />
        <Bar dataKey="count" isAnimationActive={false} barSize={20}>
          {data.map((row) => (
            <Cell key={row.status} fill={STATUS_COLORS[row.status]} />
          ))}
          <LabelList dataKey="count" position="right" content={plainEndLabel(format.number)} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
