export { SignInRecorder } from './SignInRecorder';
