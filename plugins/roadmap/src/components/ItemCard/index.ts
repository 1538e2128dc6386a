export * from './ItemCard';
