export { ReleaseImpactSection } from './ReleaseImpactSection';
export { ReleaseImpactTable } from './ReleaseImpactTable';
