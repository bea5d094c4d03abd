import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { ScenarioRecord } from '../../shared/model/journey-records.ts';
import { boardStore } from '../store/index.ts';
import { renameScenarioInMap } from './scenario-commands.ts';
import './scenario-tabs.css';

interface ScenarioTabsProps {
  readonly scenarios: readonly ScenarioRecord[];
  readonly shownId: string | null;
  /** A scenario whose name opens for editing (one just added); changes each time it is asked. */
  readonly renameRequest: { readonly id: string } | null;
}

interface NameEditorProps {
  readonly initial: string;
  readonly onDone: (name: string | null) => void;
}

/** The tab's name as a text field: Enter or leaving it keeps the name, Escape cancels. */
const NameEditor = ({ initial, onDone }: NameEditorProps) => {
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const finish = (name: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(name);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(event.currentTarget.value);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(null);
    }
  };
  return (
    <input
      ref={input}
      className="scenario-name-input"
      aria-label="Scenario name"
      defaultValue={initial}
      onKeyDown={onKeyDown}
      onBlur={(event) => finish(event.currentTarget.value)}
    />
  );
};

/** The scenarios as tabs: a click shows one; a double-click or F2 renames it in place. */
export const ScenarioTabs = ({ scenarios, shownId, renameRequest }: ScenarioTabsProps) => {
  const [renaming, setRenaming] = useState<string | null>(null);
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  /** After a rename the focus goes back to the tab, as it was before. */
  const refocus = useRef<string | null>(null);

  useEffect(() => {
    if (renameRequest) setRenaming(renameRequest.id);
  }, [renameRequest]);

  useEffect(() => {
    if (renaming !== null || refocus.current === null) return;
    tabs.current.get(refocus.current)?.focus();
    refocus.current = null;
  }, [renaming]);

  const finish = (scenario: ScenarioRecord, name: string | null) => {
    refocus.current = scenario.id;
    setRenaming(null);
    if (name !== null && name.trim() !== scenario.name) renameScenarioInMap(boardStore, scenario.id, name);
  };

  return (
    <div role="tablist" aria-label="Scenario shown" className="scenario-tabs">
      {scenarios.map((scenario) =>
        renaming === scenario.id ? (
          <NameEditor key={scenario.id} initial={scenario.name} onDone={(name) => finish(scenario, name)} />
        ) : (
          <button
            key={scenario.id}
            ref={(element) => {
              if (element) tabs.current.set(scenario.id, element);
              return () => {
                tabs.current.delete(scenario.id);
              };
            }}
            type="button"
            role="tab"
            aria-selected={scenario.id === shownId}
            aria-keyshortcuts="F2"
            className="scenario-tab"
            title="Double-click or press F2 to rename"
            onClick={() => boardStore.getState().setScenario(scenario.id)}
            onDoubleClick={() => setRenaming(scenario.id)}
            onKeyDown={(event) => {
              if (event.key !== 'F2') return;
              event.preventDefault();
              setRenaming(scenario.id);
            }}
          >
            {scenario.name}
          </button>
        ),
      )}
    </div>
  );
};
