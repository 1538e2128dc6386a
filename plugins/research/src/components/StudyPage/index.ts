export { StudyPage } from './StudyPage';
