import type Konva from 'konva';
import { memo, type ReactNode, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Group, Line, Rect, Stage } from 'react-konva';
import { GRID } from '../../shared/journey/grid-geometry.ts';
import { type GridLayout, layoutGrid } from '../../shared/journey/layout.ts';
import { type JourneyDocument, mapRecordOf } from '../../shared/model/document.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { boardStore, useBoard } from '../store/index.ts';
import type { Viewport } from '../store/session-slice.ts';
import { CellTypingTarget } from './CellTypingTarget.tsx';
import { timeLayerDraws } from './frame-timing.ts';
import { useGesturePreview } from './gesture-store.ts';
import { HeaderEditor } from './HeaderEditor.tsx';
import { NoteEditor } from './NoteEditor.tsx';
import { NotesShape } from './NotesShape.tsx';
import { boardLayout } from './note-order.ts';
import type { GridScene, NotesScene } from './painter/paint-board.ts';
import { useBoardPainter } from './painter/use-board-painter.ts';
import { SELECTION_COLOR, SelectionShape } from './SelectionShape.tsx';
import { ShownLayer } from './shown-layer.ts';
import { sameGrid, sameItems, useStable } from './stable-props.ts';
import { useBoardGestures } from './use-board-gestures.ts';
import { useDrawnViewport } from './use-drawn-viewport.ts';
import { useVoteMarksOf } from './use-shown-dots.ts';

/** Widths on screen, whatever the zoom: the drop line of a dragged header stands out from grid lines. */
const DROP_LINE_PX = 6;
/** The marquee's dash and gap, on screen. */
const MARQUEE_DASH_PX = [6, 4];

/**
 * The whiteboard, in two layers. Under, the paper: the grid and every note that is not selected,
 * drawn off the window's thread (useBoardPainter), so the raster of a full-window canvas never
 * holds a pan or zoom step. Over it, the Konva stage's active layer draws the selection, which is
 * what gestures move, so a drag redraws a handful of notes instead of the whole map. The screen
 * may add layers over them (`overlay`: the find rings), drawn at the same layout.
 * Pointer input is handled on the container (use-board-gestures), with hit-testing done against
 * the model.
 */
export const Board = ({ overlay }: { readonly overlay?: BoardOverlay }) => {
  const container = useRef<HTMLDivElement>(null);
  const doc = useBoard((state) => state.doc);
  const selection = useBoard((state) => state.selection);
  const canvas = useRef<HTMLDivElement>(null);
  const stage = useRef<Konva.Stage>(null);
  const size = useBoard((state) => state.canvasSize);
  const editing = useBoard((state) => state.editing);
  const paper = useRef<HTMLDivElement>(null);
  const activeLayer = useRef<Konva.Layer>(null);
  useBoardGestures(container, boardStore);
  useCanvasSize(container);
  useEffect(() => {
    if (activeLayer.current) return timeLayerDraws(activeLayer.current);
  }, []);

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
  const editingId = editing?.kind === 'existing' ? editing.id : null;
  const showCategories = map?.showCategories ?? false;
  const connectedType = map?.connectedType ?? null;
  const lowEmotion = map?.insightSettings.lowEmotion ?? -1;
  const selectedHeaderId = selectedHeader?.id ?? null;
  const gridScene = useMemo<GridScene>(
    // The grid's notes are left out: the painter gets the notes once, in the notes scene.
    () => ({
      layout: { ...grid, notes: NO_NOTES },
      showCategories,
      connectedType,
      scenario,
      lowEmotion,
      selectedHeader: selectedHeaderId,
      selectedCell,
    }),
    [grid, showCategories, connectedType, scenario, lowEmotion, selectedHeaderId, selectedCell],
  );
  // The paper gets every note and leaves out the selection (drawn over it) and the one being
  // edited: selecting a note then sends the worker a few ids, not 5,000 notes.
  const hidden = useMemo(
    () => (editingId ? new Set([...selection, editingId]) : selection),
    [selection, editingId],
  );
  // Dots as the unselected notes show them: a dot on the selected note leaves the paper alone.
  const marks = useVoteMarksOf(unselected);
  const notesScene = useMemo<NotesScene>(() => ({ notes, hidden, marks }), [notes, hidden, marks]);
  const paperHidden = useBoardPainter({
    store: boardStore,
    board: container,
    paper,
    grid: gridScene,
    notes: notesScene,
  });
  // Notes the paper's drawing still leaves out though they are no longer selected or edited:
  // drawn over it until its next drawing shows them, so a deselected note never blinks out.
  const lingering = useMemo(
    () =>
      paperHidden.size === 0
        ? NO_NOTES
        : notes.filter((note) => paperHidden.has(note.id) && !hidden.has(note.id)),
    [notes, paperHidden, hidden],
  );

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
      <div ref={paper} className="board-paper-slot" />
      <div ref={canvas} className="board-canvas">
        <BoardStage
          stage={stage}
          canvas={canvas}
          size={size}
          layout={layout}
          selected={selected}
          lingering={lingering}
          editingId={editingId}
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
  /** The element holding the stage, moved by a CSS transform while a pan or zoom runs (useDrawnViewport). */
  readonly canvas: React.RefObject<HTMLDivElement | null>;
  readonly size: { readonly width: number; readonly height: number };
  readonly layout: GridLayout;
  readonly selected: readonly NoteRecord[];
  /** Notes the paper does not show yet, though they are no longer selected (see Board). */
  readonly lingering: readonly NoteRecord[];
  readonly editingId: string | null;
  readonly activeLayer: React.RefObject<Konva.Layer | null>;
  readonly overlay: BoardOverlay | undefined;
}

/** Layers a screen draws over the notes; a stable function, so the memoised stage keeps its memo. */
export type BoardOverlay = (layout: GridLayout) => ReactNode;

/**
 * The Konva stage over the paper. Memoised on what it draws; its position and scale are set by
 * useDrawnViewport, so a pan re-renders none of it and a zoom re-renders only the stage (line
 * widths and handles follow the scale), and only while it shows something, never the board
 * around it; its shapes cull to the drawn viewport when they draw.
 */
const BoardStage = memo(function BoardStage({
  stage,
  canvas,
  size,
  layout,
  selected,
  lingering,
  editingId,
  activeLayer,
  overlay,
}: BoardStageProps) {
  const drawn = useDrawnViewport(boardStore, canvas, stage);
  return (
    <Stage ref={stage} width={size.width} height={size.height} listening={false}>
      <ActiveLayer
        layerRef={activeLayer}
        selected={selected}
        lingering={lingering}
        drawn={drawn}
        size={size}
        editingId={editingId}
      />
      {overlay?.(layout)}
    </Stage>
  );
});

const NO_NOTES: readonly NoteRecord[] = [];

interface ActiveLayerProps {
  readonly layerRef: React.RefObject<Konva.Layer | null>;
  readonly selected: readonly NoteRecord[];
  readonly lingering: readonly NoteRecord[];
  /** The viewport the stage is drawn at; line widths follow its scale, read at each render. */
  readonly drawn: React.RefObject<Viewport>;
  readonly size: { readonly width: number; readonly height: number };
  readonly editingId: string | null;
}

/**
 * The selection, the marquee and gesture previews: the only layer redrawn while dragging. Under
 * the selection, the notes the paper's drawing does not show yet (`lingering`).
 */
const ActiveLayer = ({ layerRef, selected, lingering, drawn, size, editingId }: ActiveLayerProps) => {
  // Read at render, not passed down: a marquee or a drop line renders this layer alone, after
  // zooms that rendered nothing while it was hidden (use-drawn-viewport.ts).
  const scale = drawn.current.scale;
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
    <ShownLayer
      ref={layerRef}
      name="active"
      listening={false}
      visible={shown.length > 0 || lingering.length > 0 || marquee !== null || headerDrop !== null}
    >
      <NotesShape notes={lingering} drawn={drawn} size={size} />
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
    </ShownLayer>
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
  // A layout effect, before the painter's: its first drawing is already of the board's size.
  useLayoutEffect(() => {
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
