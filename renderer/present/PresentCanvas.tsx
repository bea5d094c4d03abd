import type Konva from 'konva';
import { Layer, Shape, Stage } from 'react-konva';
import {
  drawPresentMap,
  drawPresentOverlay,
  type PresentOverlay,
  type PresentScene,
} from './draw-present.ts';

interface PresentCanvasProps {
  readonly scene: PresentScene;
  readonly overlay: PresentOverlay;
}

/**
 * The map on the projector, drawn with the board's own drawing functions (Konva, as the board
 * draws): one layer for the map, one over it for the picked note or the spotlight. It never
 * listens for events: present mode takes its clicks on its own element.
 */
export const PresentCanvas = ({ scene, overlay }: PresentCanvasProps) => (
  <Stage width={scene.size.width} height={scene.size.height} listening={false}>
    <Layer name="present-map" listening={false}>
      <Shape
        listening={false}
        perfectDrawEnabled={false}
        sceneFunc={(context: Konva.Context) => drawPresentMap(context._context, scene)}
      />
    </Layer>
    <Layer
      name="present-overlay"
      listening={false}
      visible={overlay.focused !== null || overlay.spotlight !== null}
    >
      <Shape
        listening={false}
        perfectDrawEnabled={false}
        sceneFunc={(context: Konva.Context) => drawPresentOverlay(context._context, overlay)}
      />
    </Layer>
  </Stage>
);
