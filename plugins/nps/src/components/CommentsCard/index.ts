export { CommentsCard } from './CommentsCard';
