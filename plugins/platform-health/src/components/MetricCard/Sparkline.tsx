import {
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  YAxis,
} from 'recharts';
import { useTheme } from '@mui/material/styles';

/** A metric's recent values as a small line, with its target as a dashed line. */
export default function Sparkline(props: {
  values: Array<number | null>;
  target?: number | null;
}) {
  const theme = useTheme();
  const data = props.values.map((value, index) => ({ index, value }));
  const known = props.values.filter((v): v is number => v !== null);
  const withTarget =
    typeof props.target === 'number' ? [...known, props.target] : known;
  const min = Math.min(...withTarget);
  const max = Math.max(...withTarget);
  return (
    <ResponsiveContainer
      width="100%"
      height={40}
      initialDimension={{ width: 200, height: 40 }}
    >
      <LineChart
        data={data}
        margin={{ top: 4, right: 2, bottom: 4, left: 2 }}
        // Decorative: the value is in words beside it; nothing to focus.
        accessibilityLayer={false}
      >
        <YAxis hide domain={[min, max]} />
        {typeof props.target === 'number' && (
          <ReferenceLine
            y={props.target}
            stroke={theme.palette.text.secondary}
            strokeDasharray="3 3"
          />
        )}
        <Line
          dataKey="value"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
