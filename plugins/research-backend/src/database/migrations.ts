import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@paved/plugin-research-backend',
  'migrations',
);

/** Connects to the research plugin's database, migrating it unless the config skips migrations. */
export async function connectResearchDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const knex = await database.getClient();
  if (!database.migrations?.skip) {
    await knex.migrate.latest({ directory: migrationsDir });
  }
  return knex;
}

/** An ISO 8601 string from whatever the driver returns for a timestamp. */
export const toIso = (value: Date | string | number | null | undefined) =>
  value === null || value === undefined ? null : new Date(value).toISOString();

/** A boolean from Postgres (boolean) or SQLite (0/1). */
export const toBool = (value: unknown) => value === true || Number(value) === 1;
