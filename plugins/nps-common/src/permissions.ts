import { createPermission } from '@backstage/plugin-permission-common';

/** Create, edit, close and delete survey campaigns (platform PMs). */
export const npsCampaignManagePermission = createPermission({
  name: 'nps.campaign.manage',
  attributes: { action: 'update' },
});

/** Read survey comments and tag them with themes (platform PMs). */
export const npsCommentsReadPermission = createPermission({
  name: 'nps.comments.read',
  attributes: { action: 'read' },
});

/** Read aggregate survey results (everyone). */
export const npsResultsReadPermission = createPermission({
  name: 'nps.results.read',
  attributes: { action: 'read' },
});

/** Every permission the NPS plugin declares. */
export const npsPermissions = [
  npsCampaignManagePermission,
  npsCommentsReadPermission,
  npsResultsReadPermission,
];

/** The NPS permissions only the platform group holds. */
export const npsPlatformPermissions = [
  npsCampaignManagePermission,
  npsCommentsReadPermission,
];
