/**
 * Delivery metrics: the five DORA metrics with the 2023 bands, time to first
 * deployment and release impact, shared by the frontend and the backend.
 *
 * @packageDocumentation
 */
export * from './bands';
export * from './dora';
export * from './impact';
export * from './model';
export * from './permissions';
export * from './reference';
export * from './schemas';
export * from './types';
