import '@backstage/cli/asset-types';
import ReactDOM from 'react-dom/client';
import { createApp } from '@backstage/frontend-defaults';
import '@backstage/ui/css/styles.css';

// The same Backstage app as packages/app, with none of Paved's plugins or modules.
const app = createApp();

ReactDOM.createRoot(document.getElementById('root')!).render(app.createRoot());
