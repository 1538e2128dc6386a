export { NpsPrompt } from './NpsPrompt';
