/**
 * Test helpers shared by Paved's backend packages.
 *
 * @packageDocumentation
 */
export { pavedTestDatabases, PAVED_DATABASE_IDS } from './databases';
export { listTables, migrateUpDownUp } from './migrations';
export {
  asUser,
  routerTestKit,
  type RouterTestKit,
  type TestPrincipal,
} from './routers';
