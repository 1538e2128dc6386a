export { NoticesCard } from './NoticesCard';
