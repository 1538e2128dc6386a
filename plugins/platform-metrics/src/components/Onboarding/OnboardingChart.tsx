import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useTheme } from '@mui/material/styles';
import { OnboardingReport } from '@paved/plugin-platform-metrics-common';
import { cohortLabel } from '../format';

/** Median days to first deployment per cohort; cohorts with nobody deployed yet are gaps. */
export default function OnboardingChart({
  report,
}: {
  report: OnboardingReport;
}) {
  const theme = useTheme();
  const data = report.cohorts.map(c => ({
    cohort: cohortLabel(c.cohort),
    median: c.medianDays === null ? null : Math.round(c.medianDays * 10) / 10,
  }));
  return (
    <ResponsiveContainer
      width="100%"
      height={240}
      initialDimension={{ width: 600, height: 240 }}
    >
      <ComposedChart
        data={data}
        margin={{ top: 8, right: 16, left: 0, bottom: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="cohort" />
        <YAxis allowDecimals={false} unit=" d" />
        <Tooltip formatter={(value: unknown) => `${value} days`} />
        <Legend />
        <Bar
          dataKey="median"
          name="Median days to first production deployment"
          fill={theme.palette.primary.main}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
