import { createContext } from 'react';

/**
 * Tells whoever opened the map (BoardErrorBoundary) that the board has drawn it once, grid and
 * notes included: until then, a map that crashes or freezes the app is not reopened at start.
 * Outside a boundary (tests that render the board alone) nobody listens.
 */
export const BoardDrawnContext = createContext<() => void>(() => undefined);
