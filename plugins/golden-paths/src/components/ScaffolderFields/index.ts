export {
  ComponentNameField,
  componentNameValidation,
  NAME_CHECK_DELAY_MS,
} from './ComponentNameField';
export { OwnerField } from './OwnerField';
