import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read the golden-path catalog and adoption (everyone, by Paved's policy;
 * operators can narrow it with their own policy).
 */
export const goldenPathsReadPermission = createPermission({
  name: 'golden-paths.read',
  attributes: { action: 'read' },
});

/** Every permission the golden-paths plugin declares. */
export const goldenPathsPermissions = [goldenPathsReadPermission];
