import Konva from 'konva';
import type { Layer } from 'react-konva';

interface Size {
  readonly width: number;
  readonly height: number;
}

const NO_PIXELS: Size = { width: 0, height: 0 };

/**
 * A Konva layer whose canvas gets its pixels only once the layer is first shown, and keeps them.
 * The layers over the board's paper (the selection, find's rings) are hidden while they have
 * nothing to show, which is most of the time, and a hidden layer's canvas is never drawn; yet
 * Konva sizes every layer's canvas with the stage. Chromium's software canvas took 25-50 ms to
 * back one full-window canvas (at its first use after a resize), twice on opening a map; without
 * them a 5,000-note map's open to first paint fell from about 920 to 690 ms. Kept once shown, so a
 * selection does not pay for them again each time.
 */
class ShownLayerNode extends Konva.Layer {
  private stageSize: Size = NO_PIXELS;
  private shownOnce = false;

  constructor(config?: Konva.LayerConfig) {
    super(config);
    this.on('visibleChange.shownLayer', () => this.fitCanvas());
  }

  override _setSize(size: Size): this {
    this.stageSize = size;
    return this.fitCanvas();
  }

  private fitCanvas(): this {
    this.shownOnce ||= this.visible();
    const { width, height } = this.shownOnce ? this.stageSize : NO_PIXELS;
    this.canvas.setSizeIfChanged(width, height);
    this._syncHitCanvasSize();
    this._setSmoothEnabled();
    return this;
  }
}

// react-konva makes a node of the Konva class its element's type names.
Object.assign(Konva, { ShownLayer: ShownLayerNode });

/** `<Layer>` for a layer that is hidden while empty (see ShownLayerNode); react-konva's own components are typed the same way. */
export const ShownLayer = 'ShownLayer' as unknown as typeof Layer;
