// The API reference and type live in @paved/plugin-golden-paths-react, so that other
// plugins can use them without importing this plugin.
export {
  type AdoptionWindow,
  type GoldenPathsApi,
  goldenPathsApiRef,
} from '@paved/plugin-golden-paths-react';
