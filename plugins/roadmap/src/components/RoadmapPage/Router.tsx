import { Route, Routes } from 'react-router-dom';
import { ItemPage } from '../ItemPage';
import { RoadmapPage } from './RoadmapPage';

/** The roadmap's pages: the roadmap itself and one page per item. */
export function Router() {
  return (
    <Routes>
      <Route path="/" element={<RoadmapPage />} />
      <Route path="/items/:id" element={<ItemPage />} />
    </Routes>
  );
}
