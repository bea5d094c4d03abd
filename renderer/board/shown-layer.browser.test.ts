import Konva from 'konva';
import { afterEach, describe, expect, it } from 'vitest';
import { ShownLayer } from './shown-layer.ts';

/** The Konva class react-konva makes for `<ShownLayer>`: its element type names it. */
const ShownLayerNode = (Konva as unknown as Record<string, typeof Konva.Layer>)[
  ShownLayer as unknown as string
];

let stage: Konva.Stage | null = null;

afterEach(() => {
  stage?.destroy();
  stage = null;
});

/** A stage of `size` CSS pixels square holding one such layer, with a red square on it. */
const layerOnStage = (size: number, visible: boolean): Konva.Layer => {
  if (!ShownLayerNode) throw new Error('react-konva has no ShownLayer node');
  const container = document.createElement('div');
  document.body.append(container);
  stage = new Konva.Stage({ container, width: size, height: size });
  const layer = new ShownLayerNode({ visible });
  layer.add(new Konva.Rect({ x: 10, y: 10, width: 20, height: 20, fill: 'rgb(255, 0, 0)' }));
  stage.add(layer);
  return layer;
};

/** The layer's canvas as Chromium backs it (bitmap pixels). */
const pixels = (layer: Konva.Layer) => {
  const canvas = layer.getNativeCanvasElement();
  return { width: canvas.width, height: canvas.height };
};

describe('a layer over the paper (ShownLayer)', () => {
  it('backs its canvas with no pixels while it has never been shown, through a resize of the stage', () => {
    const layer = layerOnStage(200, false);
    expect(pixels(layer)).toEqual({ width: 0, height: 0 });
    stage?.size({ width: 400, height: 400 });
    expect(pixels(layer)).toEqual({ width: 0, height: 0 });
  });

  it("takes the stage's size once shown, draws its shapes, and keeps its pixels when hidden again", () => {
    const ratio = window.devicePixelRatio;
    const layer = layerOnStage(200, false);
    layer.visible(true);
    expect(pixels(layer)).toEqual({ width: 200 * ratio, height: 200 * ratio });
    layer.draw();
    const red = layer.getContext().getImageData(20 * ratio, 20 * ratio, 1, 1).data;
    expect([...red]).toEqual([255, 0, 0, 255]);

    layer.visible(false);
    expect(pixels(layer)).toEqual({ width: 200 * ratio, height: 200 * ratio });
    stage?.size({ width: 300, height: 300 });
    expect(pixels(layer)).toEqual({ width: 300 * ratio, height: 300 * ratio });
  });

  it('shown from the start, takes its pixels as soon as it is on the stage', () => {
    const ratio = window.devicePixelRatio;
    expect(pixels(layerOnStage(200, true))).toEqual({ width: 200 * ratio, height: 200 * ratio });
  });
});
