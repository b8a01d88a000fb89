import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { RenderFailureBoundary } from './components/RenderFailure';
import './styles/index.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <RenderFailureBoundary>
      <App />
    </RenderFailureBoundary>
  </StrictMode>,
);
