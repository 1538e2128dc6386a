import { Route, Routes } from 'react-router-dom';
import { PathPage } from '../PathPage';
import { GoldenPathsPage } from './GoldenPathsPage';

/** The golden paths' pages: the catalog and adoption, and one page per path. */
export function Router() {
  return (
    <Routes>
      <Route path="/" element={<GoldenPathsPage />} />
      <Route path="/:namespace/:name" element={<PathPage />} />
    </Routes>
  );
}
