import { X } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { safeFileStem } from '../../shared/ipc/file-name.ts';
import { compareScenarios } from '../../shared/journey/scenarios/compare.ts';
import { gapListCsv } from '../../shared/journey/scenarios/gap-list-csv.ts';
import { gapListMarkdown } from '../../shared/journey/scenarios/gap-list-markdown.ts';
import { gapListText } from '../../shared/journey/scenarios/gap-list-text.ts';
import { gapListNames, gapSections, kindBesideChange } from '../../shared/journey/scenarios/gap-rows.ts';
import { mapRecordOf, scenariosOf } from '../../shared/model/document.ts';
import { saveText } from '../app/save-text.ts';
import { useBoard } from '../store/index.ts';
import { copyText } from '../ui/copy-text.ts';
import { ToolButton } from '../ui/ToolButton.tsx';

interface CompareViewProps {
  readonly onClose: () => void;
}

/** Saves through the bridge: a Save dialog and an atomic write on the desktop, a download in a browser. */

/**
 * Current and ideal side by side, stage by stage, with the gap list: touchpoints added, removed
 * and changed, breakdown points resolved or still open, emotion changes. The gap list is the
 * workshop's action list: copy it, or save it as CSV or Markdown.
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
  if (!doc || !comparison) return null;
  const names = gapListNames(doc, comparison);
  const sections = gapSections(comparison, names, (text) => text).filter(
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
          <button
            type="button"
            className="secondary"
            onClick={async () =>
              setNotice(
                (await copyText(gapListText(comparison, names)))
                  ? 'Gap list copied.'
                  : 'Could not copy: save it as CSV or Markdown instead.',
              )
            }
          >
            Copy as text
          </button>
          <button
            type="button"
            className="secondary"
            onClick={async () =>
              setNotice(await saveText('csv', stem, gapListCsv(comparison, names), 'The gap list was'))
            }
          >
            Save as CSV
          </button>
          <button
            type="button"
            className="secondary"
            onClick={async () =>
              setNotice(
                await saveText('markdown', stem, gapListMarkdown(comparison, names), 'The gap list was'),
              )
            }
          >
            Save as Markdown
          </button>
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
            </tr>
          </thead>
          <tbody>
            {sections.flatMap((section) =>
              section.rows.map((row, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: gap rows have no identity; the table is rebuilt whole
                <tr key={`${section.stage}-${index}-${row.subject}`} data-change={row.change}>
                  {index === 0 && (
                    <th scope="rowgroup" rowSpan={section.rows.length}>
                      {section.stage}
                    </th>
                  )}
                  <td>
                    {row.change}
                    {kindBesideChange(row) && <span className="gap-kind"> · {kindBesideChange(row)}</span>}
                  </td>
                  <td>{row.current}</td>
                  <td>{row.ideal}</td>
                  <td>{row.detail}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </dialog>
  );
};
