/**
 * Public roadmap: the rules shared by the frontend and the backend.
 *
 * @packageDocumentation
 */
export * from './model';
export * from './permissions';
export * from './schemas';
export * from './types';
export * from './shipped';
