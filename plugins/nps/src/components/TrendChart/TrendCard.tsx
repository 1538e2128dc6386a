import { lazy, Suspense } from 'react';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { InfoCard, Progress } from '@backstage/core-components';
import { Trend } from '@paved/plugin-nps-common';
import { CARD_HEADING, ScrollTable } from '@paved/frontend-utils';
import { formatAnswers, formatInterval, formatNps } from '../format';

// Charts are loaded on demand so they do not weigh on the portal's first load.
const TrendChart = lazy(() => import('./TrendChart'));

/** The trend across campaigns: a chart, and the same figures as a table. */
export function TrendCard({ trend }: { trend: Trend }) {
  const points = trend.points.filter(p => p.campaign.status !== 'upcoming');
  return (
    <InfoCard
      titleTypographyProps={CARD_HEADING}
      title="NPS trend"
      subheader="Each campaign's NPS with its 95% confidence interval"
    >
      {points.length === 0 ? (
        <Typography>No campaign has results yet.</Typography>
      ) : (
        <>
          <Suspense fallback={<Progress />}>
            <TrendChart trend={trend} />
          </Suspense>
          <ScrollTable size="small" aria-label="NPS by campaign">
            <TableHead>
              <TableRow>
                <TableCell>Campaign</TableCell>
                <TableCell align="right">Answers</TableCell>
                <TableCell align="right">NPS</TableCell>
                <TableCell>95% interval</TableCell>
                <TableCell>Change</TableCell>
                <TableCell align="right">Goal</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {points.map(p => (
                <TableRow key={p.campaign.id}>
                  <TableCell>{p.campaign.title}</TableCell>
                  <TableCell align="right">
                    {formatAnswers(p.campaign.answers, trend.minGroupSize)}
                  </TableCell>
                  <TableCell align="right">
                    {p.summary
                      ? formatNps(p.summary.nps)
                      : 'Not enough answers'}
                  </TableCell>
                  <TableCell className="paved-nowrap">
                    {p.summary ? formatInterval(p.summary.interval) : '—'}
                  </TableCell>
                  <TableCell>
                    {p.change
                      ? `${formatNps(p.change.difference)} (${
                          p.change.significant
                            ? 'significant'
                            : 'within the margin of error'
                        })`
                      : '—'}
                  </TableCell>
                  <TableCell align="right">
                    {p.goal === null ? '—' : formatNps(Math.round(p.goal))}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </ScrollTable>
        </>
      )}
    </InfoCard>
  );
}
