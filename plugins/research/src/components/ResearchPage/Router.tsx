import { Route, Routes } from 'react-router-dom';
import { ResearchPage } from './ResearchPage';
import { VolunteerPage } from '../TakePart/VolunteerPage';
import { StudyPage } from '../StudyPage';
import { InterviewPage } from '../InterviewPage';

/** The research pages: the overview, volunteering, a study, an interview's notes. */
export function Router() {
  return (
    <Routes>
      <Route path="/" element={<ResearchPage />} />
      <Route path="/volunteer" element={<VolunteerPage />} />
      <Route path="/studies/:id" element={<StudyPage />} />
      <Route path="/interviews/:id" element={<InterviewPage />} />
    </Routes>
  );
}
