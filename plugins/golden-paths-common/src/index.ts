/**
 * Golden paths: the rules shared by the frontend, the backend and the
 * scaffolder module.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './adoption';
export * from './permissions';
export * from './schemas';
export * from './types';
export * from './versions';
export * from './componentName';
