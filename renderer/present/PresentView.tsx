import {
  type CSSProperties,
  type MouseEvent,
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { hasBandAbove } from '../../shared/journey/grid-bounds.ts';
import { GRID } from '../../shared/journey/grid-geometry.ts';
import type { GridLayout } from '../../shared/journey/layout.ts';
import { activePersonaOf } from '../../shared/journey/personas/persona-queries.ts';
import { mapRecordOf } from '../../shared/model/document.ts';
import type { NoteRecord } from '../../shared/model/records.ts';
import { boardLayout } from '../board/note-order.ts';
import type { KeyPress } from '../board/shortcuts.ts';
import { useOpenBadges, useShownDots } from '../board/use-shown-dots.ts';
import { noteAt, toBoard } from '../board/viewport.ts';
import { hitsDotBadge } from '../drawing/dot-badge.ts';
import { noteTextBox } from '../drawing/note.ts';
import { textLayouts } from '../drawing/text-layout.ts';
import { shownStageStore } from '../room/shown-stage.ts';
import { boardStore, useBoard } from '../store/index.ts';
import { type PresentOverlay, type PresentScene, presentBadgeRadius } from './draw-present.ts';
import { type FinalStep, finalSteps } from './final-steps.ts';
import { GapListView } from './GapListView.tsx';
import { PresentCanvas } from './PresentCanvas.tsx';
import { PresentPersona } from './PresentPersona.tsx';
import { PresentRoomCard } from './PresentRoomCard.tsx';
import { PresentStatus } from './PresentStatus.tsx';
import { runPresentKey } from './present-keys.ts';
import { type PresentStep, presentSteps, type StageStep, stepNotes } from './present-steps.ts';
import { presentStore, usePresent } from './present-store.ts';
import { PRESENT_MARK_SCALE, presentTextSizes } from './present-text.ts';
import { localVoting, type PresentVoting, runPresentVoteKey } from './present-vote-keys.ts';
import { projectorMinTextPx } from './projector-text.ts';
import { spotlightOf } from './spotlight.ts';
import { useElementSize } from './use-element-size.ts';
import { useFullscreen } from './use-fullscreen.ts';
import { useReducedMotion } from './use-reduced-motion.ts';
import { useStepMotion } from './use-step-motion.ts';
import { VoteResultsPage } from './VoteResultsPage.tsx';
import './present.css';

interface PresentViewProps {
  /** The timer, shown large in the top right corner (renderer/timer's TimerDisplay). */
  readonly timer?: ReactNode;
  /** What the vote keys and badge clicks do to the map; by default, the board's commands here. */
  readonly voting?: PresentVoting;
  /** Leaving present mode (Escape with nothing left to close); by default, back to the board. */
  readonly onLeave?: () => void;
  /** Key presses from elsewhere (the board window's projector bar), run as if pressed here. */
  readonly remoteKeys?: (listener: (key: KeyPress) => void) => () => void;
  /** Told what is shown, each time it changes: the board window's projector bar shows it. */
  readonly onStatus?: (status: PresentStatusReport) => void;
  /** Makes the window full screen where the page may not (the desktop shell, from its menu). */
  readonly windowFullScreen?: (on: boolean) => void;
  /**
   * Whether the view asks for full screen (and leaves when it ends). A projector window does
   * not: the shell opens it full screen, and a browser tab is made so with F11.
   */
  readonly fullscreen?: boolean;
}

/** What present mode shows, for a window that drives it from afar. */
export interface PresentStatusReport {
  readonly caption: string;
  /** 1-based. */
  readonly step: number;
  readonly steps: number;
  readonly blanked: boolean;
  /** The stage shown, or null on any other step. */
  readonly stageId: string | null;
}

const LOCAL_VOTING = localVoting(boardStore);
const NO_ELEMENT = { current: null };
const LEAVE = () => presentStore.getState().leave();

/** The caption bar under the map, in projector text sizes: one line with room around it. */
const CAPTION_HEIGHT = 1.8;
/** The persona's share of the screen's width on the first step. */
const PERSONA_SHARE = 0.34;

const NOT_PINNED = { stages: false, lanes: false } as const;

/** Where a note's text, enlarged for the spotlight, is whole. */
const fitsWhole = (note: NoteRecord) => !textLayouts.note(noteTextBox(note, PRESENT_MARK_SCALE)).truncated;

/**
 * Present mode: the map on a projector, full screen, with no editing chrome. It walks the map
 * step by step (present-steps.ts) from the board's store and present mode's own (present-store.ts),
 * and never changes the map or the board's viewport, so leaving finds the board as it was.
 */
export const PresentView = ({
  timer,
  voting = LOCAL_VOTING,
  onLeave = LEAVE,
  remoteKeys,
  onStatus,
  windowFullScreen,
  fullscreen = true,
}: PresentViewProps) => {
  const root = useRef<HTMLDivElement>(null);
  const screen = useElementSize(root);
  const doc = useBoard((state) => state.doc);
  const scenarioId = useBoard((state) => state.scenarioId);
  const changes = useBoard((state) => state.changes);
  const stepIndex = usePresent((state) => state.step);
  const focusedId = usePresent((state) => state.focusedId);
  const spotlightId = usePresent((state) => state.spotlightId);
  const blanked = usePresent((state) => state.blanked);
  const reducedMotion = useReducedMotion();

  const minTextPx = projectorMinTextPx(screen.height);
  const captionHeight = Math.round(minTextPx * CAPTION_HEIGHT);
  const width = screen.width;
  const height = Math.max(1, screen.height - captionHeight);
  const layout = boardLayout(doc, scenarioId);
  const map = doc ? mapRecordOf(doc) : null;
  const scenarioRecord = scenarioId ? doc?.records[scenarioId] : undefined;
  const scenario = scenarioRecord?.type === 'scenario' ? scenarioRecord : null;
  const persona = doc ? activePersonaOf(doc) : null;
  const personaWidth = persona ? Math.round(width * PERSONA_SHARE) : 0;
  const bandHeight = map && hasBandAbove(map) ? GRID.categoryHeight : 0;

  const steps = useMemo(
    () =>
      presentSteps({
        layout,
        bandHeight,
        screen: { width, height },
        minTextPx,
        text: presentTextSizes(map, scenario),
        personaWidth,
        finalSteps: doc ? finalSteps(doc, scenarioId, { width, height }, minTextPx, changes) : [],
      }),
    [doc, scenarioId, changes, layout, map, scenario, bandHeight, width, height, minTextPx, personaWidth],
  );
  const index = Math.min(stepIndex, steps.length - 1);
  const step = steps[index] as PresentStep;
  const overview = steps[0] as PresentStep;
  const target = 'viewport' in step ? step.viewport : 'viewport' in overview ? overview.viewport : null;
  const viewport = useStepMotion(target ?? { x: 0, y: 0, scale: 1 }, { width, height }, !reducedMotion);
  const notes = useMemo(() => stepNotes(layout, step), [layout, step]);
  const dots = useShownDots(true);
  const open = useOpenBadges();
  const badges = useMemo(() => ({ dots, open }), [dots, open]);

  // The keys see the steps and notes of what is shown now.
  const shown = useRef({ steps, notes });
  shown.current = { steps, notes };
  useEffect(() => {
    if (index !== stepIndex) presentStore.getState().show(index);
  }, [index, stepIndex]);

  const onReveal = useShowResults(steps);
  useFullscreen(fullscreen ? root : NO_ELEMENT, onLeave, windowFullScreen);
  usePresentKeys({ shown, voting, onLeave, onReveal, remoteKeys });
  const caption = captionOf(step, layout, map?.name ?? '');
  const stageId = step.kind === 'stage' ? step.stageId : null;
  useEffect(() => {
    onStatus?.({ caption, step: index + 1, steps: steps.length, blanked, stageId });
    shownStageStore.setState({ stageId });
  }, [onStatus, caption, index, steps.length, blanked, stageId]);
  useEffect(() => () => shownStageStore.setState({ stageId: null }), []);
  useFocusWhileShown(root);

  const onClick = (event: MouseEvent) => {
    const state = presentStore.getState();
    if (state.blanked) return state.blank(false);
    const box = root.current?.getBoundingClientRect();
    if (!box) return;
    const at = { x: event.clientX - box.left, y: event.clientY - box.top };
    const badged = badgeAt(at);
    if (badged) return voting.dot(badged.id, !event.shiftKey);
    if (state.spotlightId) return state.spotlight(null);
    const note = noteAt(notes, toBoard(viewport, at));
    if (note) state.spotlight(note.id);
  };

  /** The note whose badge is at a screen point: the spotlit one's, else one of the step's. */
  const badgeAt = (at: { readonly x: number; readonly y: number }): NoteRecord | null => {
    const hasBadge = (note: NoteRecord) => (badges.dots.get(note.id) ?? 0) > 0 || badges.open(note);
    if (overlay.spotlight) {
      const { spotlight } = overlay;
      const radius = presentBadgeRadius(spotlight.scale, minTextPx) / spotlight.scale;
      const hit = hitsDotBadge(spotlight.note, toBoard(spotlight, at), radius);
      return hit && spotlit && hasBadge(spotlit) ? spotlit : null;
    }
    const radius = presentBadgeRadius(viewport.scale, minTextPx) / viewport.scale;
    const point = toBoard(viewport, at);
    return notes.findLast((note) => hasBadge(note) && hitsDotBadge(note, point, radius)) ?? null;
  };

  const focused = notes.find((note) => note.id === focusedId) ?? null;
  const spotlit = notes.find((note) => note.id === spotlightId) ?? null;
  const scene: PresentScene = {
    layout,
    map,
    scenario,
    bandHeight,
    viewport,
    size: { width, height },
    minTextPx,
    pinned: step.kind === 'stage' ? step.pinned : NOT_PINNED,
    shown: step.kind === 'stage' ? shownOf(step, layout) : null,
    badges,
  };
  const overlay: PresentOverlay = {
    viewport,
    size: { width, height },
    minTextPx,
    focused,
    spotlight: spotlit ? spotlightOf(spotlit, viewport, { width, height }, fitsWhole) : null,
    badges,
  };
  const style = {
    '--present-text': `${minTextPx}px`,
    '--present-caption': `${captionHeight}px`,
  } as CSSProperties;

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are taken on the window (usePresentKeys), clicks only add the spotlight
    <div
      ref={root}
      className="present"
      role="application"
      aria-roledescription="present mode"
      aria-label={`Present mode: ${map?.name ?? 'map'}`}
      tabIndex={-1}
      data-testid="present"
      data-step={step.kind}
      style={style}
      onClick={onClick}
    >
      {screen.height > 0 && <PresentCanvas scene={scene} overlay={overlay} />}
      {step.kind === 'overview' && persona && <PresentPersona persona={persona} width={personaWidth} />}
      {step.kind !== 'overview' && step.kind !== 'stage' && <FinalStepView step={step} />}
      <p className="present-caption" aria-live="polite">
        <span>{caption}</span>
        <PresentStatus />
        <span className="present-count">
          {index + 1} / {steps.length}
        </span>
      </p>
      <div className="present-timer">{timer}</div>
      <PresentRoomCard />
      {blanked && <div className="present-blank" data-testid="present-blank" />}
    </div>
  );
};

/** Each final step's view. */
const FinalStepView = ({ step }: { readonly step: FinalStep }) => {
  switch (step.kind) {
    case 'gaps':
      return <GapListView step={step} />;
    case 'votes':
      return <VoteResultsPage step={step} />;
  }
};

/** A stage step's stage across, and the bottom of its frame (see PresentScene). */
const shownOf = (step: StageStep, layout: GridLayout) => {
  const column = layout.stages[step.stageNumber - 1];
  return column ? { x: column.x, w: column.w, bottom: step.frame.y + step.frame.h } : null;
};

/** What the caption says a step shows. */
const captionOf = (step: PresentStep, layout: GridLayout, mapName: string): string => {
  switch (step.kind) {
    case 'overview':
      return `${mapName}: the whole journey`;
    case 'stage': {
      const stage = layout.stages[step.stageNumber - 1]?.stage.name ?? '';
      if (step.parts === 1) return `${step.stageNumber}. ${stage}`;
      const lanes = layout.lanes.filter((row) => step.laneIds.includes(row.lane.id));
      return `${step.stageNumber}. ${stage} (${step.part} of ${step.parts}: ${lanes.map((row) => row.lane.name).join(', ')})`;
    }
    case 'gaps':
      return 'Gap list';
    case 'votes':
      return `Vote results: ${step.question}`;
  }
};

interface PresentKeys {
  readonly shown: RefObject<{ steps: readonly PresentStep[]; notes: readonly NoteRecord[] }>;
  readonly voting: PresentVoting;
  readonly onLeave: () => void;
  readonly onReveal: () => void;
  readonly remoteKeys: PresentViewProps['remoteKeys'];
}

/**
 * Present mode takes every key before the board does (on the window, capturing), so nothing
 * typed while presenting edits the map; F11 and F12 stay the browser's. Keys from elsewhere
 * (remoteKeys) run the same way.
 */
const usePresentKeys = ({ shown, voting, onLeave, onReveal, remoteKeys }: PresentKeys) => {
  useEffect(() => {
    const run = (key: KeyPress) => {
      const result = runPresentKey(presentStore, key, shown.current);
      if (result === 'leave') return onLeave();
      if (result === 'handled') return;
      if (runPresentVoteKey(voting, presentStore.getState(), key) === 'revealed') onReveal();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'F11' || event.key === 'F12') return;
      event.preventDefault();
      event.stopPropagation();
      run(event);
    };
    window.addEventListener('keydown', onKeyDown, true);
    const stopRemote = remoteKeys?.(run);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      stopRemote?.();
    };
  }, [shown, voting, onLeave, onReveal, remoteKeys]);
};

/**
 * After a reveal from present mode, the walk goes to the vote's results: their step appears once
 * the map holds the reveal, so it is looked for when the steps next change.
 */
const useShowResults = (steps: readonly PresentStep[]): (() => void) => {
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (!wanted) return;
    const results = steps.findIndex((step) => step.kind === 'votes');
    if (results === -1) return;
    setWanted(false);
    presentStore.getState().show(results);
  }, [wanted, steps]);
  return useCallback(() => setWanted(true), []);
};

/** Takes the focus on showing, and gives it back to where it was on leaving. */
const useFocusWhileShown = (root: RefObject<HTMLElement | null>) => {
  useEffect(() => {
    const before = document.activeElement;
    root.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, [root]);
};
