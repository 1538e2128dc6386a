import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';
import { useTheme } from '@mui/material/styles';

/** A metric's weekly values as a small line; weeks without a value are gaps. */
export default function Sparkline({
  values,
}: {
  values: Array<number | null>;
}) {
  const theme = useTheme();
  const data = values.map((value, index) => ({ index, value }));
  return (
    <ResponsiveContainer
      width="100%"
      height={40}
      initialDimension={{ width: 200, height: 40 }}
    >
      <LineChart data={data} margin={{ top: 4, right: 2, bottom: 4, left: 2 }}>
        <YAxis hide domain={['dataMin', 'dataMax']} />
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
