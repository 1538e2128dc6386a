import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTheme } from '@mui/material/styles';
import { Trend } from '@paved/plugin-nps-common';
import { formatInterval, formatNps } from '../format';

// Numbers as the page writes them: "+20", "−50" with a true minus sign.
const formatTick = (value: number) => formatNps(Number(value));
const formatValue = (value: unknown) =>
  Array.isArray(value)
    ? formatInterval({ low: Number(value[0]), high: Number(value[1]) })
    : formatNps(Math.round(Number(value)));

/**
 * The NPS trend: the score, its 95% interval band, the goal line and the warning
 * line, each named in the legend.
 */
export default function TrendChart({ trend }: { trend: Trend }) {
  const theme = useTheme();
  const data = trend.points
    .filter(p => p.summary)
    .map(p => ({
      name: p.campaign.title.replace('Platform NPS ', ''),
      nps: p.summary!.nps,
      interval: [p.summary!.interval.low, p.summary!.interval.high],
      goal: p.goal,
      warning: trend.warningThreshold,
    }));
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ComposedChart
        data={data}
        margin={{ top: 16, right: 24, left: 0, bottom: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        <YAxis
          domain={[-100, 100]}
          ticks={[-100, -50, 0, 50, 100]}
          tickFormatter={formatTick}
        />
        <Tooltip formatter={formatValue} />
        <Legend />
        <Area
          dataKey="interval"
          name="95% interval"
          stroke="none"
          fill={theme.palette.primary.light}
          fillOpacity={0.25}
          isAnimationActive={false}
        />
        <Line
          dataKey="nps"
          name="NPS"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          isAnimationActive={false}
        />
        <Line
          dataKey="goal"
          name="Goal"
          stroke={theme.palette.success.main}
          strokeDasharray="6 4"
          dot={false}
          isAnimationActive={false}
        />
        <Line
          dataKey="warning"
          name={`Warning line (${formatNps(
            trend.warningThreshold,
          )}): below it, developers build workarounds`}
          stroke={theme.palette.warning.dark}
          strokeDasharray="4 4"
          dot={false}
          activeDot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
