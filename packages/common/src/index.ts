/**
 * Rules every Paved plugin shares, in the browser and on the server.
 *
 * @packageDocumentation
 */
export * from './quarters';
export * from './entities';
export * from './privacy';
