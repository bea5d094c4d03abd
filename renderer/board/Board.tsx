import type Konva from 'konva';
import { memo, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { Group, Layer, Line, Rect, Stage } from 'react-konva';
import { GRID } from '../../shared/journey/grid-geometry.ts';
import { type Cell, type GridLayout, layoutGrid } from '../../shared/journey/layout.ts';
import { type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import type { ScenarioRecord } from '../../shared/model/journey-records.ts';
import type { MapRecord, NoteRecord } from '../../shared/model/records.ts';
import { warmTextLayouts } from '../drawing/warm-text-layouts.ts';
import { boardStore, useBoard } from '../store/index.ts';
import type { Viewport } from '../store/session-slice.ts';
import { CellTypingTarget } from './CellTypingTarget.tsx';
import { useReportFirstDraw } from './first-draw.ts';
import { timeLayerDraws } from './frame-timing.ts';
import { GridShape } from './GridShape.tsx';
import { useGesturePreview } from './gesture-store.ts';
import { HeaderEditor } from './HeaderEditor.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { NotesShape } from './NotesShape.tsx';
import { boardLayout } from './note-order.ts';
import { SELECTION_COLOR, SelectionShape } from './SelectionShape.tsx';
import { sameGrid, sameItems, useStable } from './stable-props.ts';
import { useBoardGestures } from './use-board-gestures.ts';
import { useDrawnViewport } from './use-drawn-viewport.ts';
import { visibleRect } from './viewport.ts';

/** Widths on screen, whatever the zoom: the drop line of a dragged header stands out from grid lines. */
const DROP_LINE_PX = 6;
/** The marquee's dash and gap, on screen. */
const MARQUEE_DASH_PX = [6, 4];

/**
 * The whiteboard. Two layers: the static one draws every note that is not selected and never
 * listens for events; the active one draws the selection, which is what gestures move, so a
 * drag redraws a handful of notes instead of the whole map. The screen may add layers over them
 * (`overlay`: the find rings), drawn at the same layout and scale. Pointer input is handled on
 * the container (use-board-gestures), with hit-testing done against the model.
 */
export const Board = ({ overlay }: { readonly overlay?: BoardOverlay }) => {
  const container = useRef<HTMLDivElement>(null);
  const doc = useBoard((state) => state.doc);
  const selection = useBoard((state) => state.selection);
  const canvas = useRef<HTMLDivElement>(null);
  const stage = useRef<Konva.Stage>(null);
  const drawn = useDrawnViewport(boardStore, canvas, stage);
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
  useReportFirstDraw(staticLayer);

  const scenarioId = useBoard((state) => state.scenarioId);
  const headerSize = useGesturePreview((preview) => preview.headerSize);
  const layout = headerSize ? resizedLayout(doc, scenarioId, headerSize) : boardLayout(doc, scenarioId);
  const notes = layout.notes;
  const map = doc ? mapRecordOf(doc) : null;
  const scenarioRecord = scenarioId ? doc?.records[scenarioId] : undefined;
  const emotionPreview = useGesturePreview((preview) => preview.emotion);
  const savedScenario = scenarioRecord?.type === 'scenario' ? scenarioRecord : null;
  const scenario =
    savedScenario && emotionPreview
      ? {
          ...savedScenario,
          emotions: { ...savedScenario.emotions, [emotionPreview.stageId]: emotionPreview.score },
        }
      : savedScenario;
  const selectedHeader = useBoard((state) => state.selectedHeader);
  const renaming = useBoard((state) => state.renaming);
  const selectedCell = useBoard((state) => state.selectedCell);
  const [split, selected] = useMemo(() => splitBySelection(notes, selection), [notes, selection]);
  const unselected = useStable(split, sameItems);
  const grid = useStable(layout, sameGrid);
  useEffect(() => {
    const view = () => {
      const state = boardStore.getState();
      return { visible: visibleRect(state.viewport, state.canvasSize), scale: state.viewport.scale };
    };
    const warmer = warmTextLayouts(notes, view);
    const stopWaking = boardStore.subscribe((state, before) => {
      if (state.viewport !== before.viewport || state.canvasSize !== before.canvasSize) warmer.wake();
    });
    return () => {
      stopWaking();
      warmer.stop();
    };
  }, [notes]);
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
      <div ref={canvas} className="board-canvas">
        <BoardStage
          stage={stage}
          drawn={drawn.current}
          scale={drawn.scale}
          size={size}
          layout={layout}
          grid={grid}
          map={map}
          scenario={scenario}
          selectedHeader={selectedHeader?.id ?? null}
          selectedCell={selectedCell}
          unselected={unselected}
          selected={selected}
          editingId={editingId}
          staticLayer={staticLayer}
          activeLayer={activeLayer}
          overlay={overlay}
        />
      </div>
      {editing && <NoteEditor editing={editing} />}
      {selectedCell && !editing && (
        <CellTypingTarget store={boardStore} cell={selectedCell} layout={layout} />
      )}
      {renaming && <HeaderEditor header={renaming} layout={layout} />}
    </div>
  );
};

interface BoardStageProps {
  readonly stage: React.RefObject<Konva.Stage | null>;
  /** The viewport the canvas is drawn at (see useDrawnViewport), not the live one, read at draw time. */
  readonly drawn: React.RefObject<Viewport>;
  /** Its scale. */
  readonly scale: number;
  readonly size: { readonly width: number; readonly height: number };
  readonly layout: GridLayout;
  /** The layout while its stages and lanes stay as they are (see useStable): what the grid draws. */
  readonly grid: GridLayout;
  readonly map: MapRecord | null;
  readonly scenario: ScenarioRecord | null;
  readonly selectedHeader: string | null;
  readonly selectedCell: Cell | null;
  readonly unselected: readonly NoteRecord[];
  readonly selected: readonly NoteRecord[];
  readonly editingId: string | null;
  readonly staticLayer: React.RefObject<Konva.Layer | null>;
  readonly activeLayer: React.RefObject<Konva.Layer | null>;
  readonly overlay: BoardOverlay | undefined;
}

/** Layers a screen draws over the notes; a stable function, so the memoised stage keeps its memo. */
export type BoardOverlay = (layout: GridLayout, scale: number) => ReactNode;

/**
 * The Konva stage. Memoised on what it draws; its position and scale are set by
 * useDrawnViewport, so a pan re-renders none of it, and its shapes cull to the drawn viewport
 * when they draw.
 */
const BoardStage = memo(function BoardStage({
  stage,
  drawn,
  scale,
  size,
  layout,
  grid,
  map,
  scenario,
  selectedHeader,
  selectedCell,
  unselected,
  selected,
  editingId,
  staticLayer,
  activeLayer,
  overlay,
}: BoardStageProps) {
  const drawing = useDrawingAfterCanvases(size);
  return (
    <Stage ref={stage} width={size.width} height={size.height} listening={false}>
      <Layer ref={staticLayer} name="static" listening={false}>
        {drawing && (
          <>
            <GridShape
              layout={grid}
              showCategories={map?.showCategories ?? false}
              connectedType={map?.connectedType ?? null}
              scenario={scenario}
              lowEmotion={map?.insightSettings.lowEmotion ?? -1}
              scale={scale}
              selectedHeader={selectedHeader}
              selectedCell={selectedCell}
            />
            <NotesShape notes={unselected} drawn={drawn} size={size} hiddenId={editingId} />
          </>
        )}
      </Layer>
      <ActiveLayer
        layerRef={activeLayer}
        selected={drawing ? selected : NO_NOTES}
        scale={scale}
        drawn={drawn}
        size={size}
        editingId={editingId}
      />
      {overlay?.(layout, scale)}
    </Stage>
  );
});

const NO_NOTES: readonly NoteRecord[] = [];

/**
 * False until a frame after the stage first has a size: its canvases (several full-screen
 * bitmaps) are made in one task and the map drawn in the next, so opening a big map never
 * holds the window for both at once.
 */
const useDrawingAfterCanvases = (size: { readonly width: number; readonly height: number }): boolean => {
  const [drawing, setDrawing] = useState(false);
  const sized = size.width > 0 && size.height > 0;
  useEffect(() => {
    if (drawing || !sized) return;
    const frame = requestAnimationFrame(() => setDrawing(true));
    return () => cancelAnimationFrame(frame);
  }, [drawing, sized]);
  return drawing;
};

interface ActiveLayerProps {
  readonly layerRef: React.RefObject<Konva.Layer | null>;
  readonly selected: readonly NoteRecord[];
  readonly scale: number;
  readonly drawn: React.RefObject<Viewport>;
  readonly size: { readonly width: number; readonly height: number };
  readonly editingId: string | null;
}

/** The selection, the marquee and gesture previews: the only layer redrawn while dragging. */
const ActiveLayer = ({ layerRef, selected, scale, drawn, size, editingId }: ActiveLayerProps) => {
  const offset = useGesturePreview((preview) => preview.dragOffset);
  const marquee = useGesturePreview((preview) => preview.marquee);
  const resize = useGesturePreview((preview) => preview.resize);
  const headerDrop = useGesturePreview((preview) => preview.headerDrop);
  const shown = resize
    ? selected.map((note) => (note.id === resize.id ? { ...note, ...resize.box } : note))
    : selected;
  return (
    // Hidden while empty: a hidden layer's canvas is not drawn or composited, which halves the
    // work of every pan and zoom frame.
    <Layer
      ref={layerRef}
      name="active"
      listening={false}
      visible={shown.length > 0 || marquee !== null || headerDrop !== null}
    >
      <Group x={offset.x} y={offset.y}>
        <NotesShape notes={shown} drawn={drawn} size={size} hiddenId={editingId} />
        <SelectionShape notes={shown} scale={scale} />
      </Group>
      {headerDrop && (
        <Line
          points={[headerDrop.line.x1, headerDrop.line.y1, headerDrop.line.x2, headerDrop.line.y2]}
          stroke={SELECTION_COLOR}
          strokeWidth={DROP_LINE_PX / scale}
        />
      )}
      {marquee && (
        <Rect
          x={marquee.x}
          y={marquee.y}
          width={marquee.w}
          height={marquee.h}
          fill="rgba(28,126,214,0.08)"
          stroke={SELECTION_COLOR}
          strokeWidth={1 / scale}
          dash={MARQUEE_DASH_PX.map((length) => length / scale)}
        />
      )}
    </Layer>
  );
};

/** The layout while a stage or lane is being resized: computed from a copy, the document untouched. */
const resizedLayout = (
  doc: JourneyDocument | null,
  scenarioId: string | null,
  change: { readonly id: string; readonly size: number },
) => {
  const record = doc?.records[change.id];
  if (!doc || !scenarioId || (record?.type !== 'stage' && record?.type !== 'lane'))
    return boardLayout(doc, scenarioId);
  const size =
    record.type === 'stage'
      ? { width: Math.min(GRID.maxStageWidth, Math.max(GRID.minStageWidth, change.size)) }
      : { height: Math.min(GRID.maxLaneHeight, Math.max(GRID.minLaneHeight, change.size)) };
  return layoutGrid(
    { id: doc.id, records: { ...doc.records, [change.id]: { ...record, ...size } } },
    scenarioId,
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
