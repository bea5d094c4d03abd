import exampleMapUrl from '../../assets/examples/home-printer-toner.cxmap?url';
import type { OpenResult } from '../../shared/ipc/contract.ts';

/** The name the example goes by in messages and prompts, as a file from disk does. */
export const EXAMPLE_FILE_NAME = 'Home printer toner (example).cxmap';

/**
 * The example map shipped with the app (assets/examples), read from the app's own files (the CSP
 * allows fetching from 'self' only) as a file that can't be written back: its first Save asks where.
 */
export const readExampleMap = async (): Promise<OpenResult> => {
  try {
    const response = await fetch(exampleMapUrl);
    if (!response.ok) throw new Error(`status ${response.status}`);
    return { handle: null, name: EXAMPLE_FILE_NAME, bytes: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    return {
      error: `The example map could not be read (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
};
