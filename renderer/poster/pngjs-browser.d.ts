/** pngjs's browser bundle (browserify, with its own Buffer): the same API as the Node build. */
declare module 'pngjs/browser.js' {
  import type { PNG } from 'pngjs';

  const pngjs: { PNG: typeof PNG };
  export default pngjs;
}
