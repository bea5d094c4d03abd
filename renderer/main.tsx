// First: it configures zod before any module imported below builds a schema.
import '../shared/format/zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { loadFonts } from './drawing/fonts.ts';
import { textLayouts } from './drawing/text-layout.ts';
import { ProjectorApp } from './present/ProjectorApp.tsx';
import { projectorIdOf } from './present/projector-protocol.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// Canvas text is measured with the shipped font, so draw only once it is loaded.
loadFonts()
  .catch(() => undefined)
  .finally(() => {
    textLayouts.clear();
    // A projector window (opened by a board window) shows present mode alone.
    const projectorId = projectorIdOf(window.location.hash);
    createRoot(root).render(
      <StrictMode>{projectorId ? <ProjectorApp id={projectorId} /> : <App />}</StrictMode>,
    );
  });
