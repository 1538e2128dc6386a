export { ItemCard, VoteButton, type MoveTarget } from './ItemCard';
