/**
 * Platform health: the health metrics and their targets, the status rules that
 * respect uncertainty ("too early to tell" when an interval spans the target),
 * OKR progress maths, schemas and permissions, shared by frontend and backend.
 *
 * @packageDocumentation
 */
export * from './metrics';
export * from './okr';
export * from './permissions';
export * from './schemas';
export * from './status';
export * from './types';
