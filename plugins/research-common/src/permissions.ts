import { createPermission } from '@backstage/plugin-permission-common';

/** Read public study summaries and previews, volunteer, answer invitations, join previews (everyone). */
export const researchReadPermission = createPermission({
  name: 'research.read',
  attributes: { action: 'read' },
});

/** Run interview studies: guides, recruiting, invitations, findings, synthesis, summaries (platform PMs). */
export const researchStudyManagePermission = createPermission({
  name: 'research.study.manage',
  attributes: { action: 'update' },
});

/** See participants' names and the raw interview notes (platform PMs). */
export const researchNotesReadPermission = createPermission({
  name: 'research.notes.read',
  attributes: { action: 'read' },
});

/** Open, run and close developer previews of roadmap items (platform PMs). */
export const researchPreviewManagePermission = createPermission({
  name: 'research.preview.manage',
  attributes: { action: 'update' },
});

/** Every permission the research plugin declares. */
export const researchPermissions = [
  researchReadPermission,
  researchStudyManagePermission,
  researchNotesReadPermission,
  researchPreviewManagePermission,
];

/** The research permissions only the platform group holds. */
export const researchPlatformPermissions = [
  researchStudyManagePermission,
  researchNotesReadPermission,
  researchPreviewManagePermission,
];
