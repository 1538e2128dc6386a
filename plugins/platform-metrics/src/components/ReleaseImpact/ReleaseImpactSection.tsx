import { useEffect, useState } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import { platformMetricsReleaseManagePermission } from '@paved/plugin-platform-metrics-common';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformMetricsApiRef } from '../../api/PlatformMetricsApi';
import { dateLabel } from '../format';
import { ReleaseImpactTable } from './ReleaseImpactTable';
import { ReleaseMarkerForm } from './ReleaseMarkerForm';
import { byState, Empty, Section } from '@paved/frontend-utils';

/**
 * What each platform release changed: pick a release (a generally available
 * roadmap item or a PM's marker) and read, per metric, golden-path services
 * against the rest, 30 days before and after.
 */
export function ReleaseImpactSection() {
  const api = useApi(platformMetricsApiRef);
  const { allowed: canManage } = usePermission({
    permission: platformMetricsReleaseManagePermission,
  });
  const releases = useAsyncRetry(() => api.listReleases(), [api]);
  const [selected, setSelected] = useState<string>();
  useEffect(() => {
    if (!selected && releases.value?.length) {
      setSelected(releases.value[0].id);
    }
  }, [releases.value, selected]);
  const impact = useAsync(
    async () => (selected ? api.getReleaseImpact(selected) : undefined),
    [api, selected],
  );
  const release = releases.value?.find(r => r.id === selected);

  const remove = async () => {
    if (!release) return;
    await api.deleteReleaseMarker(release.id);
    setSelected(undefined);
    releases.retry();
  };

  return (
    <Section
      fullHeight
      title="What each platform release changed"
      subheader="Each service compared with itself 30 days before and after; golden-path services against the rest, with the 95% bootstrap interval of the difference"
    >
      {byState(releases, list =>
        list.length === 0 ? (
          <Stack spacing={2}>
            <Empty>
              No platform releases yet: roadmap items become releases when they
              are generally available, and platform PMs can mark others.
            </Empty>
            {canManage ? (
              <ReleaseMarkerForm
                onAdded={r => {
                  setSelected(r.id);
                  releases.retry();
                }}
              />
            ) : null}
          </Stack>
        ) : (
          <Stack spacing={2}>
            <Stack
              direction="row"
              spacing={2}
              alignItems="center"
              sx={{ flexWrap: 'wrap', rowGap: 1 }}
            >
              <TextField
                select
                size="small"
                label="Release"
                value={selected ?? ''}
                onChange={e => setSelected(e.target.value)}
                SelectProps={{ native: true }}
                sx={{ minWidth: 360 }}
              >
                {list.map(r => (
                  <option key={r.id} value={r.id}>
                    {`${r.title} (${dateLabel(r.releasedAt)}${
                      r.kind === 'marker' ? ', marker' : ''
                    })`}
                  </option>
                ))}
              </TextField>
              {release?.kind === 'marker' && canManage ? (
                <Button size="small" onClick={remove}>
                  Remove this marker
                </Button>
              ) : null}
            </Stack>
            {selected
              ? byState(impact, report =>
                  report ? (
                    <Stack spacing={1}>
                      <ReleaseImpactTable report={report} />
                      <Typography variant="caption" color="text.secondary">
                        {`${report.goldenPathServices} golden-path and ${report.otherServices} other services deployed around this release. `}
                        {report.complete
                          ? 'Changes are after − before; the verdict says "no detectable change" when the interval includes zero.'
                          : `The ${report.days} days after this release have not all passed yet: the after window is shorter.`}
                      </Typography>
                    </Stack>
                  ) : null,
                )
              : null}
            {canManage ? (
              <ReleaseMarkerForm
                onAdded={r => {
                  setSelected(r.id);
                  releases.retry();
                }}
              />
            ) : null}
          </Stack>
        ),
      )}
    </Section>
  );
}
