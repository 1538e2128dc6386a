import { createPermission } from '@backstage/plugin-permission-common';

/** Create, edit, move, reorder and delete roadmap items (platform PMs). */
export const roadmapItemManagePermission = createPermission({
  name: 'roadmap.item.manage',
  attributes: { action: 'update' },
});

/** Read the roadmap, vote and follow items (everyone). */
export const roadmapItemReadPermission = createPermission({
  name: 'roadmap.item.read',
  attributes: { action: 'read' },
});

/** Every permission the roadmap plugin declares. */
export const roadmapPermissions = [
  roadmapItemManagePermission,
  roadmapItemReadPermission,
];

/** The roadmap permissions only the platform group holds. */
export const roadmapPlatformPermissions = [roadmapItemManagePermission];
