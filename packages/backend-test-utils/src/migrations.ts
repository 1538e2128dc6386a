import { Knex } from 'knex';

/** The tables of the connected database, excluding knex's own bookkeeping. */
export async function listTables(knex: Knex): Promise<string[]> {
  const client = knex.client.config.client;
  const rows =
    client === 'pg'
      ? (
          await knex.raw(
            `select table_name as name from information_schema.tables
             where table_schema = current_schema() and table_type = 'BASE TABLE'`,
          )
        ).rows
      : await knex.raw(
          `select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`,
        );
  return (rows as Array<{ name: string }>)
    .map(r => r.name)
    .filter(name => !name.startsWith('knex_'))
    .sort();
}

/**
 * Runs a plugin's migrations all the way up, then down one at a time to nothing,
 * then up again; returns the tables after each stage so a test can check them.
 */
export async function migrateUpDownUp(
  knex: Knex,
  directory: string,
): Promise<{
  up: string[];
  steps: string[][];
  down: string[];
  again: string[];
}> {
  await knex.migrate.latest({ directory });
  const up = await listTables(knex);
  const steps: string[][] = [];
  for (;;) {
    const [, rolledBack] = await knex.migrate.down({ directory });
    if (rolledBack.length === 0) break;
    steps.push(await listTables(knex));
  }
  const down = await listTables(knex);
  await knex.migrate.latest({ directory });
  const again = await listTables(knex);
  return { up, steps, down, again };
}
