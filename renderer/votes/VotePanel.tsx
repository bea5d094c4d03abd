import { useState } from 'react';
import { pastVotes } from '../../shared/journey/votes/past-votes.ts';
import { isLastVoter } from '../../shared/journey/votes/vote-queries.ts';
import { voteResults } from '../../shared/journey/votes/vote-results.ts';
import type { JourneyDocument } from '../../shared/model/document.ts';
import type { VoteRecord } from '../../shared/model/journey-records.ts';
import { dotsLeftLine, voterLine } from '../board/dot-commands.ts';
import { shownVote } from '../board/vote-dots.ts';
import { useRoom } from '../room/room-store.ts';
import { boardStore, useBoard } from '../store/index.ts';
import { SidePanel } from '../ui/SidePanel.tsx';
import { StartVoteForm } from './StartVoteForm.tsx';
import { VoteResultsView } from './VoteResultsView.tsx';
import { deleteVoteById, nextVoter, revealActiveVote, startVoteOnShown } from './vote-commands.ts';
import './votes.css';

interface VotePanelProps {
  readonly onClose: () => void;
}

/**
 * Dot voting on the shown scenario: a form to start a vote and the map's past votes; while one
 * runs, whose turn it is and the dots they have left; once revealed, the ranked results.
 */
export const VotePanel = ({ onClose }: VotePanelProps) => {
  const doc = useBoard((state) => state.doc);
  const scenarioId = useBoard((state) => state.scenarioId);
  const changes = useBoard((state) => state.changes);
  const selection = useBoard((state) => state.selection);
  const roomOpen = useRoom((state) => state.open?.mapId === doc?.id);
  /** Set when the facilitator leaves a revealed vote's results for a new vote's form. */
  const [leftResultsOf, setLeftResultsOf] = useState<string | null>(null);
  const vote = doc && scenarioId ? shownVote(doc, scenarioId, true, changes) : null;
  return (
    <SidePanel title="Vote" className="vote-panel" onClose={onClose}>
      {doc &&
        vote &&
        !vote.revealed &&
        (vote.onPhones ? <PhoneVote vote={vote} /> : <RunningVote vote={vote} />)}
      {doc && vote?.revealed && leftResultsOf !== vote.id && (
        <VoteResultsView
          results={voteResults(doc, vote)}
          onDelete={() => deleteVoteById(boardStore, vote.id)}
          onNewVote={() => setLeftResultsOf(vote.id)}
        />
      )}
      {doc && (!vote || (vote.revealed && leftResultsOf === vote.id)) && (
        <>
          <StartVoteForm
            doc={doc}
            selection={selection}
            roomOpen={roomOpen}
            onStart={(options) => startVoteOnShown(boardStore, options)}
          />
          <PastVotes doc={doc} />
        </>
      )}
    </SidePanel>
  );
};

/** A vote on phones: how many have given dots so far (never the totals), and the reveal. */
const PhoneVote = ({ vote }: { readonly vote: VoteRecord }) => {
  const voted = vote.ballots.filter((ballot) => Object.keys(ballot).length > 0).length;
  return (
    <section className="vote-running" aria-label="Running vote">
      <p className="vote-question">{vote.question}</p>
      <p className="vote-turn" aria-live="polite">
        <strong>On phones:</strong> {voted} {voted === 1 ? 'person has' : 'people have'} given dots
      </p>
      <p className="vote-hint">
        Each phone has {vote.dotsPerVoter} {vote.dotsPerVoter === 1 ? 'dot' : 'dots'}. The totals stay hidden
        until the reveal.
      </p>
      <div className="vote-actions">
        <button type="button" className="primary" onClick={() => revealActiveVote(boardStore)}>
          Reveal
        </button>
      </div>
    </section>
  );
};

const RunningVote = ({ vote }: { readonly vote: VoteRecord }) => (
  <section className="vote-running" aria-label="Running vote">
    <p className="vote-question">{vote.question}</p>
    <p className="vote-turn" aria-live="polite">
      <strong>{voterLine(vote)}</strong> · {dotsLeftLine(vote)}
    </p>
    <p className="vote-hint">
      Select a note on the board and press + to put a dot on it, − to take it off.
      {vote.hidden && ' The totals stay hidden until the reveal: each voter sees only their own dots.'}
    </p>
    <div className="vote-actions">
      <button
        type="button"
        className="secondary"
        disabled={isLastVoter(vote)}
        onClick={() => nextVoter(boardStore)}
      >
        Next voter
      </button>
      <button type="button" className="primary" onClick={() => revealActiveVote(boardStore)}>
        Reveal
      </button>
    </div>
  </section>
);

const PastVotes = ({ doc }: { readonly doc: JourneyDocument }) => {
  const past = pastVotes(doc);
  if (past.length === 0) return null;
  return (
    <section aria-labelledby="past-votes">
      <h3 id="past-votes">Past votes</h3>
      <ul className="vote-past">
        {past.map((vote) => (
          <li key={vote.id}>
            <strong>{vote.question}</strong> <time>{new Date(vote.startedAt).toLocaleDateString()}</time>
            {vote.scenario && ` · ${vote.scenario}`}
            <br />
            {vote.summary}
          </li>
        ))}
      </ul>
    </section>
  );
};
