import {
  DPI_PRESETS,
  type LengthUnit,
  type OrientationChoice,
  STANDARD_PAPERS,
} from '../../shared/poster/paper.ts';
import type { PaperChoice, PosterOptions } from './poster-options.ts';

interface PosterFieldsProps {
  readonly options: PosterOptions;
  readonly onChange: (changes: Partial<PosterOptions>) => void;
  /** The map has Current and Ideal scenarios to stack. */
  readonly canStack: boolean;
  /** Why no vote can go on the poster ("No revealed vote on this scenario"); null when one can. */
  readonly votesUnavailable: string | null;
  readonly disabled: boolean;
}

const ORIENTATIONS: readonly [OrientationChoice, string][] = [
  ['auto', 'Fit automatically'],
  ['portrait', 'Portrait'],
  ['landscape', 'Landscape'],
];

const number = (value: string): number => (value.trim() === '' ? Number.NaN : Number(value));

/** The export dialog's choices: paper, orientation, DPI, margins, and what goes on the poster. */
export const PosterFields = ({
  options,
  onChange,
  canStack,
  votesUnavailable,
  disabled,
}: PosterFieldsProps) => {
  const customDpi = !(DPI_PRESETS as readonly number[]).includes(options.dpi);
  return (
    <fieldset className="poster-fields" disabled={disabled}>
      <label className="field">
        <span>Paper</span>
        <select
          value={options.paper}
          onChange={(event) => onChange({ paper: event.target.value as PaperChoice })}
        >
          {STANDARD_PAPERS.map((paper) => (
            <option key={paper.id} value={paper.id}>
              {paper.label} ({paper.width} × {paper.height} {paper.unit})
            </option>
          ))}
          <option value="custom">Custom size</option>
          <option value="banner">Banner (as long as the map needs)</option>
        </select>
      </label>
      {options.paper === 'custom' && (
        <div className="poster-row">
          <label className="field">
            <span>Width</span>
            <input
              type="number"
              min={0}
              step="any"
              value={options.customWidth}
              onChange={(event) => onChange({ customWidth: number(event.target.value) })}
            />
          </label>
          <label className="field">
            <span>Height</span>
            <input
              type="number"
              min={0}
              step="any"
              value={options.customHeight}
              onChange={(event) => onChange({ customHeight: number(event.target.value) })}
            />
          </label>
          <UnitField options={options} onChange={onChange} />
        </div>
      )}
      {options.paper === 'banner' && (
        <div className="poster-row">
          <label className="field">
            <span>Banner height (roll width)</span>
            <input
              type="number"
              min={0}
              step="any"
              value={options.bannerHeight}
              onChange={(event) => onChange({ bannerHeight: number(event.target.value) })}
            />
          </label>
          <UnitField options={options} onChange={onChange} />
        </div>
      )}
      {options.paper !== 'banner' && (
        <label className="field">
          <span>Orientation</span>
          <select
            value={options.orientation}
            onChange={(event) => onChange({ orientation: event.target.value as OrientationChoice })}
          >
            {ORIENTATIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="poster-row">
        <label className="field">
          <span>Resolution</span>
          <select
            value={customDpi ? 'custom' : String(options.dpi)}
            onChange={(event) =>
              onChange({ dpi: event.target.value === 'custom' ? 240 : Number(event.target.value) })
            }
          >
            {DPI_PRESETS.map((dpi) => (
              <option key={dpi} value={dpi}>
                {dpi} DPI
              </option>
            ))}
            <option value="custom">Custom</option>
          </select>
        </label>
        {customDpi && (
          <label className="field">
            <span>DPI</span>
            <input
              type="number"
              min={36}
              max={1200}
              value={options.dpi}
              onChange={(event) => onChange({ dpi: number(event.target.value) })}
            />
          </label>
        )}
        <label className="field">
          <span>Margins (mm)</span>
          <input
            type="number"
            min={0}
            max={50}
            value={options.margin}
            onChange={(event) => onChange({ margin: number(event.target.value) })}
          />
        </label>
      </div>
      <fieldset className="poster-choices">
        <legend>Content</legend>
        <label>
          <input
            type="radio"
            name="poster-content"
            checked={options.content === 'active' || !canStack}
            onChange={() => onChange({ content: 'active' })}
          />
          The scenario on the board
        </label>
        <label>
          <input
            type="radio"
            name="poster-content"
            disabled={!canStack}
            checked={options.content === 'stacked' && canStack}
            onChange={() => onChange({ content: 'stacked' })}
          />
          Current and ideal, one above the other
        </label>
        <label>
          <input
            type="checkbox"
            checked={options.titleBlock}
            onChange={(event) => onChange({ titleBlock: event.target.checked })}
          />
          Title block (map, persona, scenario, date)
        </label>
        {options.titleBlock && (
          <label className="field">
            <span>Subtitle (optional)</span>
            <input
              value={options.subtitle}
              maxLength={200}
              onChange={(event) => onChange({ subtitle: event.target.value })}
            />
          </label>
        )}
        <label>
          <input
            type="checkbox"
            checked={options.legend}
            onChange={(event) => onChange({ legend: event.target.checked })}
          />
          Legend of note kinds and marks
        </label>
        <label>
          <input
            type="checkbox"
            checked={options.emotionCurve}
            onChange={(event) => onChange({ emotionCurve: event.target.checked })}
          />
          Emotion curve
        </label>
        <label>
          <input
            type="checkbox"
            checked={options.omitEmptyLanes}
            onChange={(event) => onChange({ omitEmptyLanes: event.target.checked })}
          />
          Leave out empty lanes
        </label>
        <label>
          <input
            type="checkbox"
            disabled={votesUnavailable !== null}
            checked={options.votes && votesUnavailable === null}
            aria-describedby={votesUnavailable === null ? undefined : 'poster-votes-unavailable'}
            onChange={(event) => onChange({ votes: event.target.checked })}
          />
          Vote results (dots on the notes and a results box)
        </label>
        {votesUnavailable !== null && (
          <span id="poster-votes-unavailable" className="poster-hint">
            {votesUnavailable}
          </span>
        )}
      </fieldset>
    </fieldset>
  );
};

const UnitField = ({ options, onChange }: Pick<PosterFieldsProps, 'options' | 'onChange'>) => (
  <label className="field">
    <span>Unit</span>
    <select value={options.unit} onChange={(event) => onChange({ unit: event.target.value as LengthUnit })}>
      <option value="mm">mm</option>
      <option value="in">in</option>
    </select>
  </label>
);
