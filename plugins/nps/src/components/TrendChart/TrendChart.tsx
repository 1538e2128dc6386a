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
import { Trend } from '@paved/plugin-nps-common';
import { formatNps } from '../format';

/** The NPS trend: the score, its 95% interval band, the warning and goal lines. */
export default function TrendChart({ trend }: { trend: Trend }) {
  const theme = useTheme();
  const data = trend.points
    .filter(p => p.summary)
    .map(p => ({
      name: p.campaign.title.replace('Platform NPS ', ''),
      nps: p.summary!.nps,
      interval: [p.summary!.interval.low, p.summary!.interval.high],
      goal: p.goal,
    }));
  return (
    <ResponsiveContainer width="100%" height={300}>
      <ComposedChart
        data={data}
        margin={{ top: 16, right: 24, left: 0, bottom: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="name" />
        <YAxis domain={[-100, 100]} ticks={[-100, -50, 0, 20, 50, 100]} />
        <Tooltip />
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
        <ReferenceLine
          y={trend.warningThreshold}
          stroke={theme.palette.warning.main}
          strokeDasharray="4 4"
          label={{
            value: `Warning ${formatNps(trend.warningThreshold)}`,
            position: 'insideTopLeft',
          }}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
