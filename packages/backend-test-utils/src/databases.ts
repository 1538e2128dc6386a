import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases Paved supports: Postgres in production, better-sqlite3 embedded.
 * A Postgres id is used when its `BACKSTAGE_TEST_DATABASE_POSTGRES<n>_CONNECTION_STRING`
 * is set (`./paved test` sets it for the local server); SQLite always runs.
 */
export const PAVED_DATABASE_IDS: readonly TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
  'SQLITE_3',
];

/**
 * Creates the {@link TestDatabases} for a store or migration test: SQLite, plus
 * every Postgres whose connection string is set. Docker is never used. When `CI`
 * is set, a missing Postgres fails the test file instead of silently testing
 * SQLite alone.
 */
export function pavedTestDatabases(): TestDatabases {
  const databases = TestDatabases.create({
    ids: [...PAVED_DATABASE_IDS],
    disableDocker: true,
  });
  const ids = databases.eachSupportedId().map(([id]) => id);
  if (process.env.CI && !ids.some(id => id.startsWith('POSTGRES_'))) {
    throw new Error(
      'CI is set but no Postgres test database is configured: set ' +
        'BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING ' +
        '(./paved test does this for the server on 127.0.0.1:5432).',
    );
  }
  return databases;
}
