import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { InfoCard } from '@backstage/core-components';
import {
  CampaignResults,
  ScoreBand,
  TeamBreakdownRow,
  scoreBand,
} from '@paved/plugin-nps-common';
import Alert from '@mui/material/Alert';
import { CARD_HEADING, ScrollTable } from '@paved/frontend-utils';
import {
  batchingExplanation,
  formatAnswers,
  formatInterval,
  formatNps,
  formatRate,
  teamName,
} from '../format';

// Promoters green, passives grey, detractors red.
const BAND_COLOURS: Record<ScoreBand, string> = {
  promoter: 'success.main',
  passive: 'grey.500',
  detractor: 'error.main',
};
const bandColour = (score: number) => BAND_COLOURS[scoreBand(score)];

const reasons = {
  'too-few-answers': (min: number) => `Hidden: fewer than ${min} answers`,
  complementary: () =>
    'Hidden: its numbers could be worked out from the other teams',
};

function TeamRow({ row, min }: { row: TeamBreakdownRow; min: number }) {
  if (!row.visible) {
    return (
      <TableRow>
        <TableCell>{teamName(row.team)}</TableCell>
        <TableCell colSpan={4}>
          <Typography variant="body2" color="text.secondary">
            {reasons[row.reason](min)}
          </Typography>
        </TableCell>
      </TableRow>
    );
  }
  const s = row.summary;
  return (
    <TableRow>
      <TableCell>{teamName(row.team)}</TableCell>
      <TableCell align="right">{s.n}</TableCell>
      <TableCell align="right">{formatNps(s.nps)}</TableCell>
      <TableCell className="paved-nowrap">
        {formatInterval(s.interval)}
      </TableCell>
      <TableCell className="paved-nowrap">{`${s.promoterPercent}% / ${s.passivePercent}% / ${s.detractorPercent}%`}</TableCell>
    </TableRow>
  );
}

/** One campaign's results: NPS with its interval, participation, scores, teams. */
export function ResultsCard({ results }: { results: CampaignResults }) {
  const { summary, participation, distribution, batching } = results;
  const max = Math.max(1, ...(distribution ?? []));
  return (
    <Box component="section" aria-label={`Results: ${results.campaign.title}`}>
      <InfoCard
        titleTypographyProps={CARD_HEADING}
        title={`Results: ${results.campaign.title}`}
      >
        <Stack spacing={2}>
          {batching.campaignOpen && (
            <Alert severity="info">
              {batchingExplanation(batching.k, results.campaign.closesAt)}
            </Alert>
          )}
          <Stack direction="row" spacing={4} flexWrap="wrap">
            <Box>
              <Typography variant="overline">NPS</Typography>
              <Typography variant="h3" component="p">
                {summary ? formatNps(summary.nps) : '—'}
              </Typography>
              <Typography variant="body2">
                {summary
                  ? `95% interval ${formatInterval(summary.interval)}`
                  : `Shown once ${results.minGroupSize} answers are published`}
              </Typography>
            </Box>
            <Box>
              <Typography variant="overline">Participation</Typography>
              <Typography variant="h3" component="p">
                {formatRate(participation.rate)}
              </Typography>
              <Typography variant="body2">
                {`${formatAnswers(
                  participation.respondents,
                  results.minGroupSize,
                )} of ${participation.eligible} developers`}
              </Typography>
            </Box>
            {summary && (
              <Box>
                <Typography variant="overline">
                  Promoters / passives / detractors
                </Typography>
                <Typography variant="h6" component="p">
                  {`${summary.promoters} / ${summary.passives} / ${summary.detractors}`}
                </Typography>
                <Typography variant="body2">
                  {`${summary.promoterPercent}% / ${summary.passivePercent}% / ${summary.detractorPercent}%`}
                </Typography>
              </Box>
            )}
          </Stack>

          {distribution && (
            <Box>
              <Typography variant="subtitle2" component="h3">
                Scores
              </Typography>
              <Stack
                direction="row"
                spacing={0.5}
                alignItems="flex-end"
                sx={{ height: 100 }}
                role="list"
                aria-label="Answers per score"
              >
                {distribution.map((count, score) => (
                  <Stack
                    key={score}
                    alignItems="center"
                    sx={{ flex: 1 }}
                    role="listitem"
                    aria-label={`${count} answered ${score}`}
                  >
                    <Typography variant="caption">{count}</Typography>
                    <Box
                      sx={{
                        width: '100%',
                        height: `${(count / max) * 70}px`,
                        bgcolor: bandColour(score),
                      }}
                    />
                    <Typography variant="caption">{score}</Typography>
                  </Stack>
                ))}
              </Stack>
            </Box>
          )}

          {results.teams.length > 0 && (
            <ScrollTable size="small" aria-label="NPS by team">
              <TableHead>
                <TableRow>
                  <TableCell>Team</TableCell>
                  <TableCell align="right">Answers</TableCell>
                  <TableCell align="right">NPS</TableCell>
                  <TableCell>95% interval</TableCell>
                  <TableCell>Promoters / passives / detractors</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {results.teams.map(row => (
                  <TeamRow
                    key={row.team ?? 'none'}
                    row={row}
                    min={results.minGroupSize}
                  />
                ))}
              </TableBody>
            </ScrollTable>
          )}
        </Stack>
      </InfoCard>
    </Box>
  );
}
