export { CampaignsCard } from './CampaignsCard';
