import type { TemplateDefinition } from '../../shared/journey/templates.ts';
import { CATEGORY_COLORS } from '../drawing/grid.ts';

/** A miniature of the map a template makes: its stages as columns, its lanes as rows. */
export const TemplatePreview = ({ template }: { template: TemplateDefinition }) => {
  const stages = template.stages.length;
  const lanes = template.lanes.length;
  if (stages === 0) {
    return (
      <svg viewBox="0 0 160 90" className="template-preview" aria-hidden>
        <rect x="0" y="0" width="160" height="90" fill="#F4F1EA" />
        <rect x="60" y="30" width="26" height="18" fill="#FFE66D" />
        <rect x="92" y="40" width="26" height="18" fill="#A5D8FF" />
      </svg>
    );
  }
  const left = 30;
  const top = template.showCategories ? 22 : 14;
  const width = (160 - left) / stages;
  const height = (90 - top) / Math.max(lanes, 1);
  return (
    <svg viewBox="0 0 160 90" className="template-preview" aria-hidden>
      <rect x="0" y="0" width="160" height="90" fill="#FFFFFF" />
      <rect x="0" y={top} width={left} height={90 - top} fill="#EFE9DD" />
      {template.showCategories &&
        template.stages.map((stage, index) =>
          stage.category ? (
            <rect
              key={`band-${stage.name}`}
              x={left + index * width}
              y="0"
              width={width}
              height="8"
              fill={CATEGORY_COLORS[stage.category].fill}
            />
          ) : null,
        )}
      {template.stages.map((stage, index) => (
        <line
          key={stage.name}
          x1={left + index * width}
          y1={top - 8}
          x2={left + index * width}
          y2="90"
          stroke="#C9C1B1"
          strokeWidth="0.8"
        />
      ))}
      {template.lanes.map((lane, index) => (
        <line
          key={lane.name}
          x1="0"
          y1={top + index * height}
          x2="160"
          y2={top + index * height}
          stroke="#C9C1B1"
          strokeWidth="0.6"
        />
      ))}
      {template.lanes.map((lane, index) =>
        lane.role === 'emotion' ? (
          <path
            key="emotion"
            d={`M ${left + width / 2} ${top + index * height + height * 0.3} Q ${left + (stages * width) / 2} ${top + (index + 1) * height} ${160 - width / 2} ${top + index * height + height * 0.2}`}
            stroke="#1C7ED6"
            strokeWidth="1.4"
            fill="none"
          />
        ) : null,
      )}
    </svg>
  );
};
