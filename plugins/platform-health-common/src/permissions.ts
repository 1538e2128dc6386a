import { createPermission } from '@backstage/plugin-permission-common';

/** Read targets and OKRs (everyone). */
export const platformHealthReadPermission = createPermission({
  name: 'platform-health.read',
  attributes: { action: 'read' },
});

/** Write the quarter's objectives, key results and check-ins (platform PMs). */
export const platformHealthOkrManagePermission = createPermission({
  name: 'platform-health.okr.manage',
  attributes: { action: 'update' },
});

/** Every permission the platform-health plugin declares. */
export const platformHealthPermissions = [
  platformHealthReadPermission,
  platformHealthOkrManagePermission,
];

/** The platform-health permissions only the platform group holds. */
export const platformHealthPlatformPermissions = [
  platformHealthOkrManagePermission,
];
