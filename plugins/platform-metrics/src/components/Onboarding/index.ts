export { OnboardingSection } from './OnboardingSection';
export { OnboardingTable } from './OnboardingTable';
