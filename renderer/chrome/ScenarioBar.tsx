import { Columns2, CopyPlus, Layers, Lightbulb, Plus, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { isTouched } from '../../shared/journey/scenarios/create-scenario-from.ts';
import { hasLiveNotes } from '../../shared/journey/scenarios/scenario-edits.ts';
import { scenariosOf } from '../../shared/model/document.ts';
import { useCoverBoard } from '../board/use-cover-board.ts';
import { boardStore, useBoard } from '../store/index.ts';
import { ToolButton } from '../ui/ToolButton.tsx';
import { useInsights } from './InsightsPanel.tsx';
import { ScenarioTabs } from './ScenarioTabs.tsx';
import { StructureMenu } from './StructureMenu.tsx';
import { addScenarioToMap, createIdealFromCurrent, removeScenarioFromMap } from './scenario-commands.ts';

interface ScenarioBarProps {
  readonly onCompare: () => void;
  readonly onInsights: () => void;
}

/**
 * The scenarios of the map as tabs (Current, Ideal...) with add, rename and remove, "Create ideal
 * from current", the compare view, and the stages-and-lanes menu. Sits at the bottom of the board.
 */
export const ScenarioBar = ({ onCompare, onInsights }: ScenarioBarProps) => {
  const warnings = useInsights().filter((insight) => insight.severity === 'warning').length;
  const doc = useBoard((state) => state.doc);
  const scenarioId = useBoard((state) => state.scenarioId);
  const [structureOpen, setStructureOpen] = useState(false);
  const [renameRequest, setRenameRequest] = useState<{ readonly id: string } | null>(null);
  // Zoom to fit keeps the bottom lane out from under the bar.
  const coverBottomOfBoard = useCoverBoard('bottom');
  if (!doc) return null;
  const scenarios = scenariosOf(doc);
  const shown = scenarios.find((scenario) => scenario.id === scenarioId);
  const current = scenarios.find((scenario) => scenario.kind === 'current');
  // The one Compare shows, should an older map hold more than one.
  const ideal = scenarios.findLast((scenario) => scenario.kind === 'ideal');
  const canCreateIdeal = current !== undefined && hasLiveNotes(doc, current.id);
  const idealFilled = ideal !== undefined && isTouched(doc, ideal);
  const add = () => {
    const id = addScenarioToMap(boardStore);
    if (id) setRenameRequest({ id });
  };
  return (
    <nav ref={coverBottomOfBoard} className="scenario-bar" aria-label="Scenarios">
      <ScenarioTabs scenarios={scenarios} shownId={scenarioId} renameRequest={renameRequest} />
      <ToolButton label="Add scenario" onClick={add}>
        <Plus aria-hidden />
      </ToolButton>
      <ToolButton
        label={shown ? `Remove scenario ${shown.name}` : 'Remove scenario'}
        title="Remove the scenario shown"
        disabled={!shown || scenarios.length <= 1}
        onClick={() => shown && void removeScenarioFromMap(boardStore, shown)}
      >
        <Trash2 aria-hidden />
      </ToolButton>
      <button
        type="button"
        className="secondary with-icon"
        onClick={() => current && void createIdealFromCurrent(boardStore, current, ideal)}
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
