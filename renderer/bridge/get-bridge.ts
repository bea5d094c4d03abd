import type { JourneywallBridge } from '../../shared/ipc/contract.ts';
import { createBrowserBridge } from './browser-bridge.ts';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser. */
    readonly journeywall?: JourneywallBridge;
  }
}

let browserBridge: JourneywallBridge | null = null;

/** The desktop shell's bridge when the preload exposed one, else the browser implementation. */
export const getBridge = (): JourneywallBridge => {
  if (window.journeywall) return window.journeywall;
  browserBridge ??= createBrowserBridge();
  return browserBridge;
};
