import { type FormEvent, useId, useState } from 'react';
import { lanesOf, stagesOf } from '../../shared/journey/layout.ts';
import { KIND_STYLES } from '../../shared/journey/note-kinds.ts';
import type { VoteOptions } from '../../shared/journey/votes/vote-edits.ts';
import type { JourneyDocument } from '../../shared/model/document.ts';
import { NOTE_KINDS, type NoteKind } from '../../shared/model/journey-records.ts';
import { FILE_LIMITS } from '../../shared/model/limits.ts';

export const DEFAULT_VOTE_QUESTION = 'Which breakdown points hurt most?';

/** Which notes can get dots: every note of the scenario, or those of a kind, a lane, a stage, or the selection. */
type Scope = 'all' | 'kind' | 'lane' | 'stage' | 'selection';

const SCOPE_WORDS: Readonly<Record<Scope, string>> = {
  all: 'All notes',
  kind: 'Notes of a kind',
  lane: 'Notes in a lane',
  stage: 'Notes in a stage',
  selection: 'The selected notes',
};

interface StartVoteFormProps {
  readonly doc: JourneyDocument;
  readonly selection: ReadonlySet<string>;
  /** Whether phones are in the room: the room can then vote on them, all at once. */
  readonly roomOpen: boolean;
  readonly onStart: (options: Omit<VoteOptions, 'scenarioId'>) => void;
}

/** The facilitator's choices for a new vote, with the defaults of a workshop's breakdown vote. */
export const StartVoteForm = ({ doc, selection, roomOpen, onStart }: StartVoteFormProps) => {
  const id = useId();
  const stages = stagesOf(doc);
  const lanes = lanesOf(doc);
  const [question, setQuestion] = useState(DEFAULT_VOTE_QUESTION);
  const [scope, setScope] = useState<Scope>('kind');
  const [kind, setKind] = useState<NoteKind>('breakdown');
  const [laneId, setLaneId] = useState(lanes[0]?.id ?? '');
  const [stageId, setStageId] = useState(stages[0]?.id ?? '');
  const [voters, setVoters] = useState(5);
  const [dots, setDots] = useState(3);
  const [stacking, setStacking] = useState(false);
  const [hidden, setHidden] = useState(true);
  const [onPhones, setOnPhones] = useState(true);
  const phones = roomOpen && onPhones;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onStart({
      question,
      voters,
      dotsPerVoter: dots,
      stacking,
      // On phones the totals always wait for the reveal: the room must not see the others' dots.
      hidden: hidden || phones,
      onPhones: phones,
      ...(scope === 'kind' && { kinds: [kind] }),
      ...(scope === 'lane' && { laneIds: [laneId] }),
      ...(scope === 'stage' && { stageIds: [stageId] }),
      ...(scope === 'selection' && { noteIds: [...selection] }),
    });
  };

  return (
    <form className="vote-form" onSubmit={submit} aria-label="Start a vote">
      <label htmlFor={`${id}-question`}>Question</label>
      <input
        id={`${id}-question`}
        value={question}
        maxLength={FILE_LIMITS.maxNameLength}
        onChange={(event) => setQuestion(event.target.value)}
      />
      <label htmlFor={`${id}-scope`}>Which notes</label>
      <select id={`${id}-scope`} value={scope} onChange={(event) => setScope(event.target.value as Scope)}>
        {(Object.keys(SCOPE_WORDS) as Scope[]).map((option) => (
          <option key={option} value={option} disabled={option === 'selection' && selection.size === 0}>
            {SCOPE_WORDS[option]}
          </option>
        ))}
      </select>
      {scope === 'kind' && (
        <select aria-label="Kind" value={kind} onChange={(event) => setKind(event.target.value as NoteKind)}>
          {NOTE_KINDS.map((option) => (
            <option key={option} value={option}>
              {KIND_STYLES[option].label}
            </option>
          ))}
        </select>
      )}
      {scope === 'lane' && (
        <select aria-label="Lane" value={laneId} onChange={(event) => setLaneId(event.target.value)}>
          {lanes.map((lane) => (
            <option key={lane.id} value={lane.id}>
              {lane.name}
            </option>
          ))}
        </select>
      )}
      {scope === 'stage' && (
        <select aria-label="Stage" value={stageId} onChange={(event) => setStageId(event.target.value)}>
          {stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
            </option>
          ))}
        </select>
      )}
      {scope === 'selection' && <p className="vote-hint">{selection.size} selected notes.</p>}
      {roomOpen && (
        <label className="vote-check">
          <input type="checkbox" checked={onPhones} onChange={(event) => setOnPhones(event.target.checked)} />
          On the phones in the room, all at once
        </label>
      )}
      <div className="vote-counts">
        {!phones && (
          <label>
            Voters
            <input
              type="number"
              min={1}
              max={FILE_LIMITS.maxVoters}
              value={voters}
              onChange={(event) => setVoters(Number(event.target.value))}
            />
          </label>
        )}
        <label>
          Dots each
          <input
            type="number"
            min={1}
            max={FILE_LIMITS.maxDotsPerVoter}
            value={dots}
            onChange={(event) => setDots(Number(event.target.value))}
          />
        </label>
      </div>
      <label className="vote-check">
        <input type="checkbox" checked={stacking} onChange={(event) => setStacking(event.target.checked)} />
        Several dots on one note
      </label>
      {!phones && (
        <label className="vote-check">
          <input type="checkbox" checked={hidden} onChange={(event) => setHidden(event.target.checked)} />
          Hide the totals until the reveal
        </label>
      )}
      <button type="submit" className="primary">
        Start the vote
      </button>
    </form>
  );
};
