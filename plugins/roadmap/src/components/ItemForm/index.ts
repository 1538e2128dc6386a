export { ItemForm } from './ItemForm';
