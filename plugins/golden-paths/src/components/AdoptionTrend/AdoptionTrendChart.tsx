import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTheme } from '@mui/material/styles';
import { AdoptionTrend, formatRate } from '@paved/plugin-golden-paths-common';
import { quarterLabel } from '@paved/common';

const percent = (value: number) => `${Math.round(value)}%`;

/** One point of the chart: percentages, null in a quarter without new components. */
export type ChartPoint = {
  quarter: string;
  adoption: number | null;
  interval: [number, number] | null;
};

/** The trend as chart points; quarters without new components are null, so gaps. */
export function toChartData(trend: AdoptionTrend): ChartPoint[] {
  return trend.quarters.map(q => ({
    quarter: quarterLabel(q.quarter),
    adoption: q.adoption ? q.adoption.rate * 100 : null,
    interval: q.adoption ? [q.adoption.low * 100, q.adoption.high * 100] : null,
  }));
}

/**
 * Adoption per quarter: the rate, its 95% interval band and the goal line.
 * Quarters without new components are gaps, not zeros.
 */
export default function AdoptionTrendChart({
  trend,
}: {
  trend: AdoptionTrend;
}) {
  const theme = useTheme();
  const data = toChartData(trend);
  const first = data[0]?.quarter;
  const last = data[data.length - 1]?.quarter;
  return (
    <div
      role="img"
      aria-label={`Chart of golden-path adoption per quarter, ${first} to ${last}, against the ${formatRate(
        trend.goal,
      )} goal. The figures are in the table view.`}
    >
      <ResponsiveContainer
        width="100%"
        height={300}
        initialDimension={{ width: 600, height: 300 }}
      >
        <ComposedChart
          data={data}
          margin={{ top: 16, right: 24, left: 0, bottom: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="quarter" />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 20, 40, 60, 80, 100]}
            tickFormatter={percent}
          />
          <Tooltip
            formatter={(value: unknown) =>
              Array.isArray(value)
                ? value.map(v => percent(Number(v))).join('–')
                : percent(Number(value))
            }
          />
          <Legend />
          <Area
            dataKey="interval"
            name="95% interval"
            stroke="none"
            fill={theme.palette.primary.light}
            fillOpacity={0.25}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="adoption"
            name="Adoption"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            connectNulls={false}
            isAnimationActive={false}
          />
          <ReferenceLine
            y={trend.goal * 100}
            stroke={theme.palette.success.main}
            strokeDasharray="6 4"
            label={{
              value: `Goal ${formatRate(trend.goal)}`,
              position: 'insideTopRight',
            }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
