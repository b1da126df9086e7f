import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@backup-kit/react/styles.css';
import './playground.css';
import { App } from './App.js';
import { readConfig } from './config.js';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App config={readConfig()} />
  </StrictMode>,
);
