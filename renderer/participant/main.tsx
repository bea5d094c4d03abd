// First: it configures zod before any module imported below builds a schema.
import '../../shared/format/zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pageStorage } from './kept.ts';
import { ParticipantApp } from './ParticipantApp.tsx';
import { roomAddressOf } from './room-address.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

createRoot(root).render(
  <StrictMode>
    <ParticipantApp address={roomAddressOf(window.location)} storage={pageStorage()} />
  </StrictMode>,
);
