/**
 * User research: the rules shared by the frontend and the backend.
 *
 * @packageDocumentation
 */
export * from './model';
export * from './guide';
export * from './recruiting';
export * from './ics';
export * from './permissions';
export * from './schemas';
export * from './types';
