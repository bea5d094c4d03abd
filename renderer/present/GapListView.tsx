import { kindBesideChange } from '../../shared/journey/scenarios/gap-rows.ts';
import type { GapListStep } from './final-steps.ts';
import { gapRowDots } from './gap-pages.ts';

/** A page of the gap list in large type: each stage's action items, as the compare view lists them. */
export const GapListView = ({ step }: { readonly step: GapListStep }) => (
  <section className="present-final" aria-label="Gap list">
    <h2>
      Gap list: {step.title}
      {step.pages > 1 && ` (${step.page} of ${step.pages})`}
    </h2>
    {step.sections.map((section, index) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: two stages may share a name; the page is rebuilt whole
      <div key={index}>
        <h3>{section.stage}</h3>
        <ul>
          {section.rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: gap rows have no identity; the page is rebuilt whole
            <li key={`${index}-${row.subject}`}>
              <strong>
                {row.change}
                {kindBesideChange(row) && ` · ${kindBesideChange(row)}`}
              </strong>
              : {row.subject}
              {row.detail && ` (${row.detail})`}
              {gapRowDots(row)}
            </li>
          ))}
        </ul>
      </div>
    ))}
  </section>
);
