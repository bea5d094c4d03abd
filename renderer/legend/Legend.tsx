import { KIND_STYLES } from '../../shared/journey/note-kinds.ts';
import { NOTE_KINDS, type NoteKind } from '../../shared/model/journey-records.ts';
import { NOTE_PALETTE } from '../../shared/model/palette.ts';
import { drawNote } from '../drawing/note.ts';
import { PaintedCanvas } from '../ui/PaintedCanvas.tsx';
import { SidePanel } from '../ui/SidePanel.tsx';
import {
  drawKindSample,
  GLYPH_NAMES,
  KIND_SAMPLE_SIZE,
  MARK_SAMPLES,
  type MarkSample,
} from './legend-samples.ts';
import './legend.css';

interface LegendProps {
  readonly onClose: () => void;
}

// Made once, so a sample is redrawn only when its canvas is new.
const KIND_DRAWERS = Object.fromEntries(
  NOTE_KINDS.map((kind) => [kind, (ctx: CanvasRenderingContext2D) => drawKindSample(ctx, kind)]),
) as Record<NoteKind, (ctx: CanvasRenderingContext2D) => void>;

const MARK_DRAWERS = Object.fromEntries(
  MARK_SAMPLES.map((sample) => [
    sample.id,
    (ctx: CanvasRenderingContext2D) => drawNote(ctx, sample.note, 'full'),
  ]),
) as Record<MarkSample['id'], (ctx: CanvasRenderingContext2D) => void>;

/**
 * What the board's colours, glyphs and marks mean. Every symbol has its words next to it, so the
 * legend reads in a black-and-white print as well as on a projector.
 */
export const Legend = ({ onClose }: LegendProps) => {
  return (
    <SidePanel title="Legend" className="legend-panel" onClose={onClose}>
      <h3 id="legend-kinds">Note kinds</h3>
      <ul className="legend-list" aria-labelledby="legend-kinds">
        {NOTE_KINDS.map((kind) => {
          const style = KIND_STYLES[kind];
          const colour = NOTE_PALETTE[style.color].label;
          return (
            <li key={kind} className="legend-item" data-kind={kind}>
              <PaintedCanvas
                className="legend-sample"
                width={KIND_SAMPLE_SIZE.w}
                height={KIND_SAMPLE_SIZE.h}
                label={`${style.label}: ${colour.toLowerCase()} note, ${GLYPH_NAMES[kind]}`}
                paint={KIND_DRAWERS[kind]}
              />
              <span className="legend-words">
                <strong>{style.label}</strong>
                <span className="legend-look">
                  {colour}, {GLYPH_NAMES[kind]}
                </span>
                <span className="legend-hint">{style.hint}</span>
              </span>
            </li>
          );
        })}
      </ul>
      <h3 id="legend-marks">Marks</h3>
      <ul className="legend-list" aria-labelledby="legend-marks">
        {MARK_SAMPLES.map((sample) => (
          <li key={sample.id} className="legend-item legend-mark" data-mark={sample.id}>
            <PaintedCanvas
              className="legend-sample"
              width={sample.w}
              height={sample.h}
              label={sample.label}
              paint={MARK_DRAWERS[sample.id]}
            />
            <span className="legend-words">
              <strong>{sample.label}</strong>
              <span className="legend-hint">{sample.description}</span>
            </span>
          </li>
        ))}
      </ul>
    </SidePanel>
  );
};
