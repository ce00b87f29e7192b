// Renderer entry. The bridge is created before anything renders: in browser mode it takes the
// session token from the address (#token=…) before navigation starts writing its own hash.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getBridge } from './bridge';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import './styles/tokens.css';
import './styles/base.css';
import './styles/frame.css';
import './styles/components.css';

getBridge();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary what="Sifter">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
