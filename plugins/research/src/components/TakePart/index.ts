export { TakePartTab } from './TakePartTab';
export { VolunteerCard } from './VolunteerCard';
export { InvitationsCard } from './InvitationsCard';
export { NoticesCard } from './NoticesCard';
export { VolunteerPage } from './VolunteerPage';
