// First: it configures zod before any module imported below builds a schema.
import '../shared/format/zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { loadFonts } from './drawing/fonts.ts';
import { textLayouts } from './drawing/text-layout.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// Canvas text is measured with the shipped font, so draw only once it is loaded.
loadFonts()
  .catch(() => undefined)
  .finally(() => {
    textLayouts.clear();
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
