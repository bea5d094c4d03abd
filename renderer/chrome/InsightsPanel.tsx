import { AlertTriangle, Info } from 'lucide-react';
import { useId, useMemo } from 'react';
import { checkInsights } from '../../shared/journey/insights/check-insights.ts';
import type { Insight } from '../../shared/journey/insights/insight.ts';
import { mapRecordOf } from '../../shared/model/document.ts';
import type { InsightSettings } from '../../shared/model/journey-records.ts';
import { updateRecord } from '../../shared/model/update.ts';
import { boardStore, useBoard } from '../store/index.ts';
import { NumberField } from '../ui/NumberField.tsx';
import { SidePanel } from '../ui/SidePanel.tsx';
import { revealInsight } from './reveal-insight.ts';

interface InsightsPanelProps {
  readonly onClose: () => void;
}

/** Checked on every change of the scenario shown; computed from the model, never stored. */
export const useInsights = (): readonly Insight[] => {
  const doc = useBoard((state) => state.doc);
  const scenarioId = useBoard((state) => state.scenarioId);
  return useMemo(() => (doc && scenarioId ? checkInsights(doc, scenarioId) : []), [doc, scenarioId]);
};

const SETTING_FIELDS: readonly [keyof InsightSettings, string, number, number, number][] = [
  ['maxTouchpoints', 'Most major touchpoints', 1, 50, 1],
  ['maxStampShare', 'Largest share of stamps of authenticity', 0.05, 1, 0.05],
  ['lowEmotion', 'Emotion low point at or below', -3, 3, 1],
];

/** What the articles' rules say about the scenario shown; each item highlights what it concerns. */
export const InsightsPanel = ({ onClose }: InsightsPanelProps) => {
  const insights = useInsights();
  const fieldId = useId();
  const settings = useBoard((state) => (state.doc ? mapRecordOf(state.doc).insightSettings : null));
  const setSetting = (key: keyof InsightSettings, value: number) => {
    boardStore.getState().edit('Change insight setting', (draft) => {
      const map = draft.records[draft.id];
      if (map?.type === 'map')
        draft.records[draft.id] = updateRecord(map, {
          insightSettings: { ...map.insightSettings, [key]: value },
        });
    });
  };
  return (
    <SidePanel title="Insights" className="insights-panel" onClose={onClose}>
      {insights.length === 0 ? (
        <p>Nothing to flag in this scenario.</p>
      ) : (
        <ul className="insight-list" aria-label="Insights">
          {insights.map((insight) => (
            <li key={insight.id} data-severity={insight.severity}>
              <button type="button" className="insight" onClick={() => revealInsight(boardStore, insight)}>
                {insight.severity === 'warning' ? (
                  <AlertTriangle aria-label="Warning" />
                ) : (
                  <Info aria-label="Note" />
                )}
                <span>
                  <strong>{insight.title}</strong>
                  <span className="insight-detail">{insight.detail}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {settings && (
        <details className="insight-settings">
          <summary>Thresholds</summary>
          {SETTING_FIELDS.map(([key, label, min, max, step]) => (
            <label key={key} className="field" htmlFor={`${fieldId}-${key}`}>
              <span>{label}</span>
              <NumberField
                id={`${fieldId}-${key}`}
                label={label}
                min={min}
                max={max}
                step={step}
                value={settings[key]}
                onCommit={(value) => setSetting(key, value)}
              />
            </label>
          ))}
        </details>
      )}
    </SidePanel>
  );
};
