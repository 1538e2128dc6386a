export { InterviewPage } from './InterviewPage';
