import { useApi } from '@backstage/core-plugin-api';
import {
  Content,
  Header,
  Link,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import GlobalStyles from '@mui/material/GlobalStyles';
import Typography from '@mui/material/Typography';
import { quarterLabel } from '@paved/common';
import { downloadText } from '@paved/frontend-utils';
import {
  HEALTH_METRICS,
  TARGET_STATUS_LABELS,
} from '@paved/plugin-platform-health-common';
import useAsync from 'react-use/esm/useAsync';
import { platformHealthApiRef } from '../../api/PlatformHealthApi';
import { formatKeyResultValue, keyResultViews } from '../../health/okrs';
import {
  changeWords,
  loadReview,
  reviewMarkdown,
  statusWords,
  valueWords,
} from '../../health/review';
import { SvgSparkline } from './SvgSparkline';
import { useReviewApis } from './useReviewApis';

// On paper: no portal chrome, no buttons, black on white, tables kept whole.
const printStyles = (
  <GlobalStyles
    styles={{
      '@media print': {
        'nav, header, [data-print="hide"], button': {
          display: 'none !important',
        },
        body: { background: '#fff !important', color: '#000 !important' },
        'main, article': { margin: '0 !important', padding: '0 !important' },
        'table, section': { breakInside: 'avoid' },
        a: { color: '#000 !important', textDecoration: 'none !important' },
        '@page': { margin: '15mm' },
      },
    }}
  />
);

const cellSx = {
  border: '1px solid #BDBDBD',
  padding: '4px 8px',
  textAlign: 'left',
  verticalAlign: 'top',
} as const;

/** The quarterly leadership review as a printable page (print stylesheet; charts as SVG). */
export function ReviewPage() {
  const apis = useReviewApis();
  const healthApi = useApi(platformHealthApiRef);
  const review = useAsync(async () => {
    const targets = await healthApi.getTargets();
    return loadReview(apis, targets);
    // The APIs are stable for the app's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [healthApi]);

  return (
    <Page themeId="tool">
      {printStyles}
      <Header
        title="Quarterly platform health review"
        subtitle={review.value ? quarterLabel(review.value.quarter) : undefined}
      />
      <Content>
        {review.error && <ResponseErrorPanel error={review.error} />}
        {!review.value && !review.error && <Progress />}
        {review.value && (
          <Box component="article" sx={{ maxWidth: 1000 }}>
            <Box
              data-print="hide"
              sx={{ display: 'flex', gap: 2, mb: 2, alignItems: 'center' }}
            >
              <Button
                variant="contained"
                onClick={async () => {
                  await healthApi.recordReviewExport(
                    review.value!.quarter,
                    'print',
                  );
                  window.print();
                }}
              >
                Print
              </Button>
              <Button
                variant="outlined"
                onClick={async () => {
                  await healthApi.recordReviewExport(
                    review.value!.quarter,
                    'markdown',
                  );
                  downloadText(
                    reviewMarkdown(review.value!),
                    `platform-health-review-${review.value!.quarter}.md`,
                    'text/markdown',
                  );
                }}
              >
                Download Markdown
              </Button>
              <Link to="..">Back to platform health</Link>
            </Box>
            <Typography variant="body2" sx={{ mb: 2 }}>
              Generated {review.value.generatedAt.slice(0, 10)} from the live
              metrics; every number comes from the plugin that owns it.
            </Typography>
            <Box component="section" aria-labelledby="review-metrics">
              <Typography id="review-metrics" variant="h5" component="h2">
                Metrics
              </Typography>
              <Box
                component="table"
                sx={{ borderCollapse: 'collapse', width: '100%', my: 1 }}
              >
                <thead>
                  <tr>
                    {[
                      'Metric',
                      'Value',
                      'Target',
                      'Status',
                      'Change since last quarter',
                      'Trend',
                    ].map(h => (
                      <Box component="th" sx={cellSx} key={h} scope="col">
                        {h}
                      </Box>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {review.value.readings.map(r => (
                    <tr key={r.metric} data-metric={r.metric}>
                      <Box component="th" scope="row" sx={cellSx}>
                        {HEALTH_METRICS[r.metric].label}
                      </Box>
                      <Box component="td" sx={cellSx}>
                        {valueWords(r)}
                      </Box>
                      <Box component="td" sx={cellSx}>
                        {r.targetText ?? '—'}
                      </Box>
                      <Box component="td" sx={cellSx}>
                        {statusWords(r)}
                      </Box>
                      <Box component="td" sx={cellSx}>
                        {changeWords(r)}
                      </Box>
                      <Box component="td" sx={cellSx}>
                        <SvgSparkline
                          values={r.series}
                          target={r.targetValue}
                          label={`${
                            HEALTH_METRICS[r.metric].label
                          } over recent periods`}
                        />
                      </Box>
                    </tr>
                  ))}
                </tbody>
              </Box>
            </Box>
            <Box
              component="section"
              aria-labelledby="review-okrs"
              sx={{ mt: 3 }}
            >
              <Typography id="review-okrs" variant="h5" component="h2">
                OKRs
              </Typography>
              {review.value.okrs.objectives.length === 0 && (
                <Typography variant="body2">
                  No objectives this quarter.
                </Typography>
              )}
              {review.value.okrs.objectives.map(objective => (
                <Box key={objective.id} sx={{ mt: 1 }}>
                  <Typography variant="h6" component="h3">
                    {objective.title}
                  </Typography>
                  <ul>
                    {keyResultViews(
                      objective.quarter,
                      objective.keyResults,
                      new Map(review.value!.readings.map(r => [r.metric, r])),
                      new Date(review.value!.generatedAt),
                    ).map(v => (
                      <li key={v.keyResult.id}>
                        <strong>{v.keyResult.title}</strong>:{' '}
                        {v.current
                          ? formatKeyResultValue(v.keyResult, v.current.value)
                          : '—'}
                        , target{' '}
                        {formatKeyResultValue(v.keyResult, v.keyResult.target)}{' '}
                        by {v.keyResult.due};{' '}
                        {v.progress.fraction === null
                          ? 'no value'
                          : `${Math.round(
                              v.progress.fraction * 100,
                            )}% of the way`}
                        ; {TARGET_STATUS_LABELS[v.progress.status]}
                      </li>
                    ))}
                  </ul>
                </Box>
              ))}
            </Box>
            <ListSection
              id="review-shipped"
              title="What shipped"
              none="Nothing shipped this quarter."
              items={review.value.roadmap.shippedThisQuarter.map(i => i.title)}
            />
            <ListSection
              id="review-next"
              title="What is next"
              none="Nothing planned in Now or Next."
              items={review.value.roadmap.upcoming.map(
                i =>
                  `${i.title} (${i.horizon === 'now' ? 'Now' : 'Next'}${
                    i.targetQuarter ? `, target ${i.targetQuarter}` : ''
                  })`,
              )}
            />
            <ListSection
              id="review-breaking"
              title="Breaking changes ahead"
              none="None announced."
              items={review.value.roadmap.breakingAhead.map(
                i =>
                  `${i.title}, from ${i.breakingChange!.effectiveDate}: ${
                    i.breakingChange!.notice
                  }`,
              )}
            />
            <ListSection
              id="review-themes"
              title="Top comment themes and the roadmap items that answer them"
              none="No survey theme is linked to the roadmap yet."
              items={review.value.themes.map(
                t =>
                  `${t.theme}: ${t.comments} ${
                    t.comments === 1 ? 'comment' : 'comments'
                  }${t.campaign ? ` (${t.campaign})` : ''}; ${t.items
                    .map(i => i.title)
                    .join(', ')}`,
              )}
            />
            <ListSection
              id="review-not-doing"
              title="Not doing, and why"
              none="Nothing declined."
              items={review.value.roadmap.notDoing.map(i =>
                i.declineReason ? `${i.title}: ${i.declineReason}` : i.title,
              )}
            />
          </Box>
        )}
      </Content>
    </Page>
  );
}

function ListSection(props: {
  id: string;
  title: string;
  none: string;
  items: string[];
}) {
  return (
    <Box component="section" aria-labelledby={props.id} sx={{ mt: 3 }}>
      <Typography id={props.id} variant="h5" component="h2">
        {props.title}
      </Typography>
      {props.items.length === 0 ? (
        <Typography variant="body2">{props.none}</Typography>
      ) : (
        <ul>
          {props.items.map(item => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
    </Box>
  );
}
