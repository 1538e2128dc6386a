import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { RoadmapItem } from '@paved/plugin-roadmap-common';
import useAsync from 'react-use/esm/useAsync';
import { roadmapApiRef } from '../../api/RoadmapApi';
import { formatDate, isoDay, useItemLink } from '../format';

/** Items with a breaking change taking effect from today to `days` days ahead, soonest first. */
export function breakingChangesWithin(
  items: RoadmapItem[],
  now: Date,
  days?: number,
): RoadmapItem[] {
  const today = isoDay(now);
  const until =
    days === undefined
      ? undefined
      : isoDay(
          new Date(now.getFullYear(), now.getMonth(), now.getDate() + days),
        );
  return items
    .filter(
      i =>
        i.status !== 'declined' &&
        i.breakingChange &&
        i.breakingChange.effectiveDate >= today &&
        (until === undefined || i.breakingChange.effectiveDate <= until),
    )
    .sort((a, b) =>
      a.breakingChange!.effectiveDate.localeCompare(
        b.breakingChange!.effectiveDate,
      ),
    );
}

/**
 * A warning listing the breaking changes that take effect in the next 30
 * days; nothing when there are none (or the roadmap cannot be read).
 */
export function BreakingChangesBanner() {
  const roadmapApi = useApi(roadmapApiRef);
  const itemLink = useItemLink();
  const items = useAsync(() => roadmapApi.listItems(), [roadmapApi]);
  if (!items.value) return null;
  const soon = breakingChangesWithin(items.value, new Date(), 30);
  if (soon.length === 0) return null;
  return (
    <Alert severity="warning">
      <AlertTitle>Breaking changes in the next 30 days</AlertTitle>
      <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
        {soon.map(item => (
          <li key={item.id}>
            <Link to={itemLink(item.id)} underline="always">
              {item.title}
            </Link>
            {` (from ${formatDate(item.breakingChange!.effectiveDate)}): ${
              item.breakingChange!.notice
            }`}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
