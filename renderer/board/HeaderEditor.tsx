import { useEffect, useRef } from 'react';
import { GRID } from '../../shared/journey/grid-geometry.ts';
import type { GridLayout } from '../../shared/journey/layout.ts';
import { type HeaderRef, renameHeader } from '../../shared/journey/structure-edits.ts';
import { FONT_FAMILY } from '../drawing/font.ts';
import { draftTargets } from '../store/draft.ts';
import { boardStore, useBoard } from '../store/index.ts';

interface HeaderEditorProps {
  readonly header: HeaderRef;
  readonly layout: GridLayout;
}

/** Renames a stage or lane in place, over its header: Enter or leaving keeps it, Escape cancels. */
export const HeaderEditor = ({ header, layout }: HeaderEditorProps) => {
  const viewport = useBoard((state) => state.viewport);
  const ref = useRef<HTMLInputElement>(null);
  const cancelled = useRef(false);
  const column = layout.stages.find((candidate) => candidate.stage.id === header.id);
  const row = layout.lanes.find((candidate) => candidate.lane.id === header.id);
  const record = column?.stage ?? row?.lane;
  const target = { kind: 'header', header } as const;
  // A name being typed when the app stopped comes back as it was.
  const draft = boardStore.getState().draft;
  const initial = draftTargets(draft, target) ? draft.text : record?.name;
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  if (!record) return null;
  const box = column
    ? { x: column.x, y: -GRID.headerHeight, w: column.w, h: GRID.headerHeight }
    : {
        x: -GRID.laneHeaderWidth,
        y: row?.y ?? 0,
        w: GRID.laneHeaderWidth,
        h: Math.min(row?.h ?? 0, GRID.headerHeight),
      };
  const finish = () => {
    const value = ref.current?.value ?? record.name;
    if (!cancelled.current && value.trim() && value !== record.name) {
      boardStore.getState().edit(`Rename ${header.kind}`, (draft) => renameHeader(draft, header.id, value));
    }
    boardStore.getState().setDraft(null);
    boardStore.getState().startRenaming(null);
  };
  const scale = viewport.scale;
  return (
    <input
      ref={ref}
      className="header-editor"
      aria-label={`${header.kind === 'stage' ? 'Stage' : 'Lane'} name`}
      defaultValue={initial}
      maxLength={200}
      onBlur={finish}
      onChange={(event) =>
        boardStore.getState().setDraft({
          target,
          text: event.currentTarget.value,
          scenarioId: boardStore.getState().scenarioId,
        })
      }
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') event.currentTarget.blur();
        if (event.key === 'Escape') {
          cancelled.current = true;
          event.currentTarget.blur();
        }
      }}
      style={{
        left: box.x * scale + viewport.x,
        top: box.y * scale + viewport.y,
        width: box.w * scale,
        height: box.h * scale,
        fontSize: Math.max(13, 22 * scale),
        fontFamily: FONT_FAMILY,
      }}
    />
  );
};
