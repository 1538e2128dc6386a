import fs from 'node:fs';
import path from 'node:path';
import { IDENTITIES, Identity } from './pavedTestBackend';

const repoRoot = path.resolve(__dirname, '../../../..');

/** A documented route and who may call it. */
export interface DocumentedRoute {
  method: string;
  path: string;
  allowed: Record<Identity, boolean>;
}

/** The access table of docs/api-access.md, row by row. */
export function documentedAccess(): DocumentedRoute[] {
  const text = fs.readFileSync(
    path.join(repoRoot, 'docs/api-access.md'),
    'utf8',
  );
  const rows: DocumentedRoute[] = [];
  for (const line of text.split('\n')) {
    const cells = line
      .split('|')
      .map(cell => cell.trim())
      .slice(1, -1);
    if (cells.length !== 6 || !/^[A-Z]+$/.test(cells[0])) continue;
    const [method, route, ...access] = cells;
    const allowed = {} as Record<Identity, boolean>;
    IDENTITIES.forEach((identity, i) => {
      if (access[i] !== 'yes' && access[i] !== 'no') {
        throw new Error(
          `docs/api-access.md: "${access[i]}" in ${method} ${route}`,
        );
      }
      allowed[identity] = access[i] === 'yes';
    });
    rows.push({ method, path: route.replace(/`/g, ''), allowed });
  }
  return rows;
}
