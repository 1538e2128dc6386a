/**
 * Platform NPS: the rules shared by the frontend and the backend.
 *
 * @packageDocumentation
 */
export * from './constants';
export * from './nps';
export * from './permissions';
export * from './schemas';
export * from './suppression';
export * from './types';
export * from './release';
export * from './warning';
