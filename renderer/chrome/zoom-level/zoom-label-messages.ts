/** What the zoom level's button tells the worker that draws its label (zoom-label.worker.ts). */
export type ZoomLabelRequest =
  | {
      readonly kind: 'canvas';
      readonly canvas: OffscreenCanvas;
      /** The button's font and colour as CSS gives them, so the label looks as its text would. */
      readonly font: string;
      readonly color: string;
      /** The canvas's size in CSS pixels (the button inside its border). */
      readonly width: number;
      readonly height: number;
      readonly pixelRatio: number;
      readonly percent: number;
    }
  | { readonly kind: 'percent'; readonly percent: number }
  | { readonly kind: 'resolution'; readonly pixelRatio: number };

/** `ready`: the worker runs and can take the canvas; `shown`: its first label is on screen. */
export type ZoomLabelReply = { readonly kind: 'ready' } | { readonly kind: 'shown' };

/** The label's text, drawn or written. */
export const zoomLabelText = (percent: number): string => `${percent}%`;
