import { Columns2, CopyPlus, Layers, Lightbulb } from 'lucide-react';
import { useState } from 'react';
import { createScenarioFrom } from '../../shared/journey/scenarios/create-scenario-from.ts';
import { hasLiveNotes } from '../../shared/journey/scenarios/scenario-edits.ts';
import { scenariosOf } from '../../shared/model/document.ts';
import { useCoverBoard } from '../board/use-cover-board.ts';
import { boardStore, useBoard } from '../store/index.ts';
import { useInsights } from './InsightsPanel.tsx';
import { StructureMenu } from './StructureMenu.tsx';

interface ScenarioBarProps {
  readonly onCompare: () => void;
  readonly onInsights: () => void;
}

/**
 * The scenarios of the map as tabs (Current, Ideal...), "Create ideal from current", the
 * compare view, and the stages-and-lanes menu. Sits at the bottom of the board.
 */
export const ScenarioBar = ({ onCompare, onInsights }: ScenarioBarProps) => {
  const warnings = useInsights().filter((insight) => insight.severity === 'warning').length;
  const doc = useBoard((state) => state.doc);
  const scenarioId = useBoard((state) => state.scenarioId);
  const [structureOpen, setStructureOpen] = useState(false);
  // Zoom to fit keeps the bottom lane out from under the bar.
  const coverBottomOfBoard = useCoverBoard('bottom');
  if (!doc) return null;
  const scenarios = scenariosOf(doc);
  const current = scenarios.find((scenario) => scenario.kind === 'current');
  const ideal = scenarios.find((scenario) => scenario.kind === 'ideal');
  const canCreateIdeal = current !== undefined && hasLiveNotes(doc, current.id);
  const idealFilled = ideal !== undefined && hasLiveNotes(doc, ideal.id);
  const createIdeal = () => {
    if (!current) return;
    let target = '';
    boardStore.getState().edit('Create ideal from current', (draft) => {
      target = createScenarioFrom(draft, current.id, { name: 'Ideal', kind: 'ideal' });
    });
    boardStore.getState().setScenario(target);
  };
  return (
    <nav ref={coverBottomOfBoard} className="scenario-bar" aria-label="Scenarios">
      <div role="tablist" aria-label="Scenario shown" className="scenario-tabs">
        {scenarios.map((scenario) => (
          <button
            key={scenario.id}
            type="button"
            role="tab"
            aria-selected={scenario.id === scenarioId}
            className="scenario-tab"
            onClick={() => boardStore.getState().setScenario(scenario.id)}
          >
            {scenario.name}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="secondary with-icon"
        onClick={createIdeal}
        disabled={!canCreateIdeal}
        title="Copy the current scenario's notes and emotion scores as the starting point of the ideal one"
      >
        <CopyPlus aria-hidden /> {idealFilled ? 'New ideal from current' : 'Create ideal from current'}
      </button>
      <button type="button" className="secondary with-icon" onClick={onCompare} disabled={!current || !ideal}>
        <Columns2 aria-hidden /> Compare current and ideal
      </button>
      <button type="button" className="secondary with-icon" onClick={onInsights}>
        <Lightbulb aria-hidden /> Insights {warnings > 0 && <span className="insight-count">{warnings}</span>}
      </button>
      <div className="menu">
        <button
          type="button"
          className="secondary with-icon"
          aria-haspopup="true"
          aria-expanded={structureOpen}
          onClick={() => setStructureOpen(!structureOpen)}
        >
          <Layers aria-hidden /> Stages and lanes
        </button>
        {structureOpen && <StructureMenu onClose={() => setStructureOpen(false)} />}
      </div>
    </nav>
  );
};
