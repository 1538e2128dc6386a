import { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Chip, { ChipProps } from '@mui/material/Chip';
import { WarningChip } from '@paved/frontend-utils';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link } from '@backstage/core-components';
import { GoldenPath } from '@paved/plugin-golden-paths-common';
import {
  catalogPath,
  formatRunTime,
  humaniseTimeSaved,
  plural,
  runsLabel,
} from '../format';
import { entityDisplayName } from '@paved/common';

function lifecycleColour(lifecycle: string): ChipProps['color'] | 'warning' {
  switch (lifecycle.toLocaleLowerCase('en-US')) {
    case 'production':
      return 'success';
    case 'deprecated':
      return 'error';
    default:
      return 'warning';
  }
}

/** The lifecycle and tags of a golden path, as chips. */
export function PathChips({ goldenPath }: { goldenPath: GoldenPath }) {
  return (
    <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap my={1}>
      {goldenPath.lifecycle &&
        (lifecycleColour(goldenPath.lifecycle) === 'warning' ? (
          <WarningChip size="small" label={goldenPath.lifecycle} />
        ) : (
          <Chip
            size="small"
            color={lifecycleColour(goldenPath.lifecycle)}
            label={goldenPath.lifecycle}
          />
        ))}
      {goldenPath.tags.length > 0 && (
        <Stack
          component="ul"
          aria-label="Tags"
          direction="row"
          spacing={1}
          flexWrap="wrap"
          useFlexGap
          sx={{ listStyle: 'none', m: 0, p: 0 }}
        >
          {goldenPath.tags.map(tag => (
            <li key={tag}>
              <Chip size="small" variant="outlined" label={tag} />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Fact(props: { term: string; children: ReactNode }) {
  return (
    <>
      <Typography
        component="dt"
        variant="body2"
        color="text.secondary"
        sx={{ fontWeight: 500 }}
      >
        {props.term}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0 }}>
        {props.children}
      </Typography>
    </>
  );
}

/**
 * What a golden path is and how it does: owner, version, services created,
 * Scaffolder runs, median run time and time saved, as a description list.
 */
export function PathFacts({ goldenPath }: { goldenPath: GoldenPath }) {
  const timeSaved = humaniseTimeSaved(goldenPath.timeSaved);
  return (
    <Box
      component="dl"
      sx={{
        display: 'grid',
        gridTemplateColumns: 'max-content 1fr',
        columnGap: 2,
        rowGap: 0.5,
        my: 1,
      }}
    >
      <Fact term="Owner">
        {goldenPath.owner ? (
          <Link to={catalogPath(goldenPath.owner, 'group')}>
            {entityDisplayName(goldenPath.owner)}
          </Link>
        ) : (
          'No owner'
        )}
      </Fact>
      <Fact term="Version">{goldenPath.version ?? 'Not versioned'}</Fact>
      <Fact term="Services created">
        {plural(goldenPath.servicesCreated, 'service')}
      </Fact>
      <Fact term="Runs">{runsLabel(goldenPath.runs)}</Fact>
      {goldenPath.runs.medianDurationMs !== null && (
        <Fact term="Median run time">
          {formatRunTime(goldenPath.runs.medianDurationMs)}
        </Fact>
      )}
      {timeSaved && <Fact term="Time saved">{`${timeSaved} per service`}</Fact>}
    </Box>
  );
}
