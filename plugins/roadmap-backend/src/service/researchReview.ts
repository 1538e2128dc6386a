import { ResearchSummary } from '@paved/plugin-roadmap-common';
import { quarterLabel } from '@paved/common';
import { escapeMarkdown } from './reviewExport';

/** The quarterly review's user-research section: each study's public summary, no names. */
export function researchReviewLines(summaries: ResearchSummary[]): string[] {
  if (summaries.length === 0) return [];
  const lines = ['## What we heard in user research', ''];
  for (const s of summaries) {
    const people = `${s.participants} ${
      s.participants === 1 ? 'developer' : 'developers'
    }`;
    lines.push(
      `### ${escapeMarkdown(s.title)} (${quarterLabel(s.quarter)}, ${people})`,
      '',
      `**What we heard:** ${escapeMarkdown(s.heard)}`,
      '',
      `**What we will do:** ${escapeMarkdown(s.willDo)}`,
      '',
      `**What we will not do, and why:** ${escapeMarkdown(s.willNotDo)}`,
      '',
    );
  }
  return lines;
}
