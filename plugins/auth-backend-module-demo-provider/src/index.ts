/**
 * Development-only sign-in as any person of the catalog.
 *
 * @packageDocumentation
 */
export { authModuleDemoProvider as default } from './module';
export { DEMO_PERSON_HEADER } from './authenticator';
