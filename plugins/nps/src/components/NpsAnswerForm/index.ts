export { NpsAnswerForm, type NpsAnswerFormProps } from './NpsAnswerForm';
