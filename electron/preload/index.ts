/**
 * Preload entry (bundled to dist-electron/preload.cjs). It runs in the sandbox, where only
 * 'electron' can be required; it exposes the typed bridge as window.journeywall and nothing else.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createBridge } from './bridge.ts';

contextBridge.exposeInMainWorld('journeywall', createBridge(ipcRenderer, webUtils));
