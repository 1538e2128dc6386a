/**
 * Platform NPS backend: quarterly campaigns, confidential answers, honest results.
 *
 * @packageDocumentation
 */
export { npsPlugin as default } from './plugin';
export * from './extensions';
export { NpsStore } from './database/NpsStore';
export { createNpsServices, readNpsSettings } from './service';
export type { NpsServices, NpsSettings } from './service';
