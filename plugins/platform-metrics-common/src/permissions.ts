import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read delivery metrics: DORA, onboarding, release impact (everyone, by
 * Paved's policy).
 */
export const platformMetricsReadPermission = createPermission({
  name: 'platform-metrics.read',
  attributes: { action: 'read' },
});

/**
 * Send deployment and incident events. Held by the CI/CD and incident tools'
 * static tokens (external access can restrict a token to this permission);
 * users never send events, and Paved's policy keeps it from them.
 */
export const platformMetricsEventCreatePermission = createPermission({
  name: 'platform-metrics.event.create',
  attributes: { action: 'create' },
});

/** Add and remove platform release markers (platform PMs). */
export const platformMetricsReleaseManagePermission = createPermission({
  name: 'platform-metrics.release.manage',
  attributes: { action: 'update' },
});

/** Every permission the platform-metrics plugin declares. */
export const platformMetricsPermissions = [
  platformMetricsReadPermission,
  platformMetricsEventCreatePermission,
  platformMetricsReleaseManagePermission,
];

/** The permissions only the platform group holds among users. */
export const platformMetricsPlatformPermissions = [
  platformMetricsEventCreatePermission,
  platformMetricsReleaseManagePermission,
];
