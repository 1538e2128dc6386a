export {
  AdoptionCard,
  DeliveryCard,
  NpsTrendCard,
  RoadmapCard,
} from './HomeCards';
export { TeamHealthCard } from './TeamHealthCard';
export { CompactReadings } from './CompactReadings';
