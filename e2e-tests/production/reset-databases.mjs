// Drops the production test's databases (prefix PAVED_DATABASE_PREFIX), so each
// run starts on an empty Postgres like a new deployment.
/* eslint-disable no-console */
import pg from 'pg';

const prefix = process.env.PAVED_DATABASE_PREFIX;
if (!prefix || !/^[a-z][a-z0-9_]*$/.test(prefix)) {
  throw new Error(
    'Set PAVED_DATABASE_PREFIX (lowercase letters, digits and _)',
  );
}
const client = new pg.Client({
  host: process.env.POSTGRES_HOST,
  port: Number(process.env.POSTGRES_PORT ?? 5432),
  user: process.env.POSTGRES_USER,
  password: process.env.POSTGRES_PASSWORD || undefined,
  database: 'postgres',
});
await client.connect();
const { rows } = await client.query(
  'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
  [prefix],
);
for (const { datname } of rows) {
  await client.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
}
console.log(`Dropped ${rows.length} databases starting with ${prefix}`);
await client.end();
