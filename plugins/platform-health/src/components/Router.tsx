import { Route, Routes } from 'react-router-dom';
import { HealthPage } from './HealthPage';
import { ReviewPage } from './Review';

/** /health and /health/review. */
export function HealthRouter() {
  return (
    <Routes>
      <Route path="/" element={<HealthPage />} />
      <Route path="/review" element={<ReviewPage />} />
    </Routes>
  );
}
