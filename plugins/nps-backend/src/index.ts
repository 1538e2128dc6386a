/**
 * Platform NPS backend: quarterly campaigns, confidential answers, honest results.
 *
 * @packageDocumentation
 */
export { npsPlugin as default } from './plugin';
