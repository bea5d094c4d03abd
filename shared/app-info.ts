/** Journeywall's name and version, written into every map file (kept equal to package.json by a test). */
export const APP_NAME = 'Journeywall';
export const APP_VERSION = '0.1.0';
