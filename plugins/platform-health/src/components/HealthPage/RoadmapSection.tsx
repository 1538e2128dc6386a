import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link } from '@backstage/core-components';
import { quarterLabel } from '@paved/common';
import { useRoadmapSummary, useTopThemes } from '../../health/roadmap';
import { byState, Empty, Section } from '@paved/frontend-utils';

const itemLink = (id: string) => `/roadmap/items/${encodeURIComponent(id)}`;

/** What shipped this quarter, what is now and next, breaking changes ahead, and the survey's top themes. */
export function RoadmapSection() {
  const summary = useRoadmapSummary();
  const themes = useTopThemes();
  return (
    <Section fullHeight title="Roadmap" subheader="Where the platform is going">
      {byState(summary, s => (
        <>
          <Box sx={{ display: 'flex', gap: 4, mb: 2 }}>
            <Stat
              label={`Shipped in ${quarterLabel(s.quarter)}`}
              value={s.shippedThisQuarter.length}
              testId="shipped"
            />
            <Stat label="Now" value={s.now} testId="now" />
            <Stat label="Next" value={s.next} testId="next" />
          </Box>
          {s.shippedThisQuarter.length > 0 && (
            <>
              <Typography variant="subtitle2" component="h3">
                Shipped this quarter
              </Typography>
              <ul>
                {s.shippedThisQuarter.map(i => (
                  <li key={i.id}>
                    <Link to={itemLink(i.id)} underline="always">
                      {i.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
          <Typography variant="subtitle2" component="h3">
            Breaking changes ahead
          </Typography>
          {s.breakingAhead.length === 0 ? (
            <Empty>None announced.</Empty>
          ) : (
            <ul>
              {s.breakingAhead.map(i => (
                <li key={i.id}>
                  <Link to={itemLink(i.id)} underline="always">
                    {i.title}
                  </Link>
                  , from {i.breakingChange!.effectiveDate}
                </li>
              ))}
            </ul>
          )}
        </>
      ))}
      <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
        Top themes from the survey
      </Typography>
      {byState(themes, ({ minGroupSize, themes: list }) =>
        list.length === 0 ? (
          <Empty>
            No survey theme linked to the roadmap has{' '}
            {minGroupSize ? `${minGroupSize} or more` : 'any'} comments in its
            latest campaign.
          </Empty>
        ) : (
          <ul data-testid="top-themes">
            {list.map(t => (
              <li key={t.theme}>
                <strong>{t.theme}</strong>: {t.comments}{' '}
                {t.comments === 1 ? 'comment' : 'comments'}
                {t.campaign ? ` (${t.campaign})` : ''}, answered by{' '}
                {t.items.map((item, index) => (
                  <span key={item.id}>
                    {index > 0 && ', '}
                    <Link to={itemLink(item.id)} underline="always">
                      {item.title}
                    </Link>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        ),
      )}
    </Section>
  );
}

function Stat(props: { label: string; value: number; testId: string }) {
  return (
    <Box>
      <Typography
        variant="h5"
        component="p"
        data-testid={`roadmap-${props.testId}`}
      >
        {props.value}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {props.label}
      </Typography>
    </Box>
  );
}
