import Alert from '@mui/material/Alert';
import Typography from '@mui/material/Typography';
import {
  AdoptionTrend,
  formatRate,
  meetsAdoptionGoal,
} from '@paved/plugin-golden-paths-common';
import { adoptionSentence, plural } from '../format';
import { quarterLabel } from '@paved/common';
import { Empty } from '@paved/frontend-utils';

/** How the quarter compares with the goal, honest about small numbers. */
function GoalStatus(props: { rate: number; high: number; goal: number }) {
  const goal = formatRate(props.goal);
  if (meetsAdoptionGoal(props.rate, props.goal)) {
    return (
      <Alert severity="success" role="status">{`Meets the ${goal} goal`}</Alert>
    );
  }
  if (meetsAdoptionGoal(props.high, props.goal)) {
    return (
      <Alert severity="info" role="status">
        {`Below the ${goal} goal so far, but the interval still reaches it: too few new components to tell.`}
      </Alert>
    );
  }
  return (
    <Alert severity="warning" role="status">{`Below the ${goal} goal`}</Alert>
  );
}

/**
 * This quarter's adoption rate with its interval and n, against the goal: the
 * last quarter of the trend, which ends with the current quarter.
 */
export function AdoptionHeadline({ trend }: { trend: AdoptionTrend }) {
  const current = trend.quarters[trend.quarters.length - 1];
  if (!current) return <Empty>No adoption figures yet.</Empty>;
  const quarter = quarterLabel(current.quarter);
  if (!current.adoption) {
    const previous = [...trend.quarters]
      .reverse()
      .find(q => q.adoption !== null);
    return (
      <>
        <Typography variant="h6" component="p">
          {`No new components in ${quarter} yet`}
        </Typography>
        {previous?.adoption && (
          <Typography variant="body2" color="text.secondary">
            {`Last quarter with new components, ${quarterLabel(
              previous.quarter,
            )}: ${adoptionSentence(
              previous.adoption,
              previous.newComponents,
            )}.`}
          </Typography>
        )}
      </>
    );
  }
  return (
    <>
      <Typography variant="h5" component="p">
        {adoptionSentence(current.adoption, current.newComponents)}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {`${current.fromGoldenPaths} of the ${plural(
          current.newComponents,
          'new component',
        )} registered in ${quarter} so far came from an approved golden path.`}
      </Typography>
      <GoalStatus
        rate={current.adoption.rate}
        high={current.adoption.high}
        goal={trend.goal}
      />
    </>
  );
}
