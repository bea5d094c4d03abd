import { X } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { safeFileStem } from '../../shared/ipc/file-name.ts';
import { compareScenarios } from '../../shared/journey/scenarios/compare.ts';
import { byDots, dotsSource, type GapDots, type GapOrder } from '../../shared/journey/scenarios/gap-dots.ts';
import { gapListCsv } from '../../shared/journey/scenarios/gap-list-csv.ts';
import { gapListMarkdown } from '../../shared/journey/scenarios/gap-list-markdown.ts';
import { gapListText } from '../../shared/journey/scenarios/gap-list-text.ts';
import {
  type GapRow,
  gapListNames,
  gapSections,
  kindBesideChange,
} from '../../shared/journey/scenarios/gap-rows.ts';
import { gapDotsOf } from '../../shared/journey/votes/gap-dots-of.ts';
import { mapRecordOf, scenariosOf } from '../../shared/model/document.ts';
import { ListExportButtons } from '../app/ListExportButtons.tsx';
import { useBoard } from '../store/index.ts';
import { ToolButton } from '../ui/ToolButton.tsx';

const GAP_LIST_WORDS = {
  copied: 'Gap list copied.',
  notCopied: 'Could not copy: save it as CSV or Markdown instead.',
  subject: 'The gap list was',
} as const;

interface CompareViewProps {
  readonly onClose: () => void;
}

/** The day a vote was taken, as "4 Dec"; with the year when it was not this year. */
const voteDay = (startedAt: number): string => {
  const day = new Date(startedAt);
  const thisYear = day.getFullYear() === new Date().getFullYear();
  return day.toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    ...(thisYear ? {} : { year: 'numeric' }),
  });
};

const GapCells = ({ row, dots }: { readonly row: GapRow; readonly dots: GapDots | null }) => (
  <>
    <td>
      {row.change}
      {kindBesideChange(row) && <span className="gap-kind"> · {kindBesideChange(row)}</span>}
    </td>
    <td>{row.current}</td>
    <td>{row.ideal}</td>
    <td>{row.detail}</td>
    {dots && <td>{row.dots}</td>}
  </>
);

/**
 * Current and ideal side by side, stage by stage, with the gap list: touchpoints added, removed
 * and changed, breakdown points resolved or still open, emotion changes. The gap list is the
 * workshop's action list: copy it, or save it as CSV or Markdown.
 *
 * When the room has voted on the current scenario, the newest revealed vote's dots feed the list
 * (a Dots column, and the vote named above it), and the list is read most dots first: the room
 * voted to choose what to fix first, so that is the order the facilitator takes away. Reading it
 * stage by stage, as without a vote, is one choice away. A running vote never feeds it.
 */
export const CompareView = ({ onClose }: CompareViewProps) => {
  const doc = useBoard((state) => state.doc);
  const ref = useRef<HTMLDialogElement>(null);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const scenarios = doc ? scenariosOf(doc) : [];
  const current = scenarios.find((scenario) => scenario.kind === 'current');
  const ideal = [...scenarios].reverse().find((scenario) => scenario.kind === 'ideal');
  const comparison = useMemo(
    () => (doc && current && ideal ? compareScenarios(doc, current.id, ideal.id) : null),
    [doc, current, ideal],
  );
  const dots = useMemo(() => (doc && current ? gapDotsOf(doc, current.id) : null), [doc, current]);
  const [chosenOrder, setChosenOrder] = useState<GapOrder | null>(null);
  if (!doc || !comparison) return null;
  const order: GapOrder = dots ? (chosenOrder ?? 'dots') : 'stage';
  const feed = dots ? { dots, order } : undefined;
  const names = gapListNames(doc, comparison);
  const sections = gapSections(comparison, names, (text) => text, dots?.dotsOn).filter(
    (section) => section.rows.length > 0,
  );
  const stem = `${safeFileStem(mapRecordOf(doc).name) || 'Journeywall map'} - gap list`;
  return (
    <dialog ref={ref} className="dialog compare-view" aria-labelledby="compare-title" onClose={onClose}>
      <header className="compare-header">
        <h2 id="compare-title">
          {names.current} → {names.ideal}
        </h2>
        <div className="dialog-actions">
          <ListExportButtons
            stem={stem}
            text={() => gapListText(comparison, names, feed)}
            csv={() => gapListCsv(comparison, names, feed)}
            markdown={() => gapListMarkdown(comparison, names, feed)}
            words={GAP_LIST_WORDS}
            onNotice={setNotice}
          />
          <ToolButton label="Close" title={false} onClick={() => ref.current?.close()}>
            <X aria-hidden />
          </ToolButton>
        </div>
      </header>
      <p className="compare-totals" aria-live="polite">
        {comparison.totals.touchpointsAdded} touchpoints added · {comparison.totals.touchpointsRemoved}{' '}
        removed · {comparison.totals.touchpointsChanged} changed · {comparison.totals.breakdownsResolved}{' '}
        breakdown points resolved · {comparison.totals.breakdownsOpen} still open {notice && `· ${notice}`}
      </p>
      {dots && (
        <p className="compare-dots">
          {dotsSource(dots, (text) => text, voteDay(dots.startedAt))}
          {' · '}
          <label>
            Order{' '}
            <select value={order} onChange={(event) => setChosenOrder(event.target.value as GapOrder)}>
              <option value="dots">By the room’s dots</option>
              <option value="stage">By stage</option>
            </select>
          </label>
        </p>
      )}
      {sections.length === 0 ? (
        <p>No differences yet: change the ideal scenario on the board.</p>
      ) : (
        <table className="gap-list" aria-label="Gap list">
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Change</th>
              <th scope="col">{names.current}</th>
              <th scope="col">{names.ideal}</th>
              <th scope="col">Detail</th>
              {dots && <th scope="col">Dots</th>}
            </tr>
          </thead>
          <tbody>
            {order === 'dots'
              ? byDots(sections).map(({ stage, row }, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: gap rows have no identity; the table is rebuilt whole
                  <tr key={`${index}-${stage}-${row.subject}`} data-change={row.change}>
                    <td>{stage}</td>
                    <GapCells row={row} dots={dots} />
                  </tr>
                ))
              : sections.flatMap((section) =>
                  section.rows.map((row, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: gap rows have no identity; the table is rebuilt whole
                    <tr key={`${section.stage}-${index}-${row.subject}`} data-change={row.change}>
                      {index === 0 && (
                        <th scope="rowgroup" rowSpan={section.rows.length}>
                          {section.stage}
                        </th>
                      )}
                      <GapCells row={row} dots={dots} />
                    </tr>
                  )),
                )}
          </tbody>
        </table>
      )}
    </dialog>
  );
};
