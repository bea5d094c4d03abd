import type Konva from 'konva';
import { useEffect, useMemo, useRef } from 'react';
import { Group, Layer, Rect, Stage } from 'react-konva';
import type { NoteRecord } from '../../shared/model/records.ts';
import { boardStore, useBoard } from '../store/index.ts';
import { timeLayerDraws } from './frame-timing.ts';
import { useGesturePreview } from './gesture-store.ts';
import { NoteEditor } from './NoteEditor.tsx';
import { NotesShape } from './NotesShape.tsx';
import { orderedNotes } from './note-order.ts';
import { SELECTION_COLOR, SelectionShape } from './SelectionShape.tsx';
import { useBoardGestures } from './use-board-gestures.ts';
import { visibleRect } from './viewport.ts';

/**
 * The whiteboard. Two layers: the static one draws every note that is not selected and never
 * listens for events; the active one draws the selection, which is what gestures move, so a
 * drag redraws a handful of notes instead of the whole map. Pointer input is handled on the
 * container (use-board-gestures), with hit-testing done against the model.
 */
export const Board = () => {
  const container = useRef<HTMLDivElement>(null);
  const doc = useBoard((state) => state.doc);
  const selection = useBoard((state) => state.selection);
  const viewport = useBoard((state) => state.viewport);
  const size = useBoard((state) => state.canvasSize);
  const editing = useBoard((state) => state.editing);
  const staticLayer = useRef<Konva.Layer>(null);
  const activeLayer = useRef<Konva.Layer>(null);
  useBoardGestures(container, boardStore);
  useCanvasSize(container);
  useEffect(() => {
    const layers = [staticLayer.current, activeLayer.current].filter((layer) => layer !== null);
    const stops = layers.map(timeLayerDraws);
    return () => {
      for (const stop of stops) stop();
    };
  }, []);

  const notes = orderedNotes(doc);
  const [unselected, selected] = useMemo(() => splitBySelection(notes, selection), [notes, selection]);
  const visible = visibleRect(viewport, size);
  const editingId = editing?.kind === 'existing' ? editing.id : null;

  return (
    <div
      ref={container}
      className="board"
      role="application"
      aria-label="Journey map board"
      aria-roledescription="whiteboard"
      tabIndex={-1}
      data-testid="board"
    >
      <Stage
        width={size.width}
        height={size.height}
        x={viewport.x}
        y={viewport.y}
        scaleX={viewport.scale}
        scaleY={viewport.scale}
        listening={false}
      >
        <Layer ref={staticLayer} name="static" listening={false}>
          <NotesShape notes={unselected} visible={visible} viewport={viewport} hiddenId={editingId} />
        </Layer>
        <ActiveLayer
          layerRef={activeLayer}
          selected={selected}
          scale={viewport.scale}
          visible={visible}
          viewport={viewport}
          editingId={editingId}
        />
      </Stage>
      {editing && <NoteEditor editing={editing} />}
    </div>
  );
};

interface ActiveLayerProps {
  readonly layerRef: React.RefObject<Konva.Layer | null>;
  readonly selected: readonly NoteRecord[];
  readonly scale: number;
  readonly visible: ReturnType<typeof visibleRect>;
  readonly viewport: { x: number; y: number; scale: number };
  readonly editingId: string | null;
}

/** The selection, the marquee and gesture previews: the only layer redrawn while dragging. */
const ActiveLayer = ({ layerRef, selected, scale, visible, viewport, editingId }: ActiveLayerProps) => {
  const offset = useGesturePreview((preview) => preview.dragOffset);
  const marquee = useGesturePreview((preview) => preview.marquee);
  const resize = useGesturePreview((preview) => preview.resize);
  const shown = resize
    ? selected.map((note) => (note.id === resize.id ? { ...note, ...resize.box } : note))
    : selected;
  return (
    <Layer ref={layerRef} name="active" listening={false}>
      <Group x={offset.x} y={offset.y}>
        <NotesShape notes={shown} visible={visible} viewport={viewport} hiddenId={editingId} />
        <SelectionShape notes={shown} scale={scale} />
      </Group>
      {marquee && (
        <Rect
          x={marquee.x}
          y={marquee.y}
          width={marquee.w}
          height={marquee.h}
          fill="rgba(28,126,214,0.08)"
          stroke={SELECTION_COLOR}
          strokeWidth={1 / scale}
          dash={[6 / scale, 4 / scale]}
        />
      )}
    </Layer>
  );
};

const splitBySelection = (notes: readonly NoteRecord[], selection: ReadonlySet<string>) => {
  if (selection.size === 0) return [notes, []] as const;
  const unselected: NoteRecord[] = [];
  const selected: NoteRecord[] = [];
  for (const note of notes) (selection.has(note.id) ? selected : unselected).push(note);
  return [unselected, selected] as const;
};

/** Keeps the stage the size of its container. */
const useCanvasSize = (container: React.RefObject<HTMLDivElement | null>) => {
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const update = () => {
      const { width, height } = element.getBoundingClientRect();
      boardStore
        .getState()
        .setCanvasSize({ width: Math.max(1, Math.floor(width)), height: Math.max(1, Math.floor(height)) });
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, [container]);
};
