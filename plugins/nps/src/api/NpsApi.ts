// The API reference and type live in @paved/plugin-nps-react, so that other
// plugins can use them without importing this plugin.
export { type NpsApi, npsApiRef } from '@paved/plugin-nps-react';
