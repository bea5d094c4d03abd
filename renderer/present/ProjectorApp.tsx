import { useEffect, useState } from 'react';
import { JourneywallDb } from '../db/journeywall-db.ts';
import { boardStore, useBoard } from '../store/index.ts';
import { TimerDisplay } from '../timer/TimerDisplay.tsx';
import { PresentView } from './PresentView.tsx';
import { presentStore } from './present-store.ts';
import { type ProjectorPage, startProjectorPage } from './projector-page.ts';

/**
 * The projector window: present mode alone, full screen on the second display, showing the map
 * of the board window that opened it (projector-page.ts). It opens the library only to show the
 * timer, which every window reads from there; it never writes the map.
 */
export const ProjectorApp = ({ id }: { readonly id: string }) => {
  const [page, setPage] = useState<ProjectorPage | null>(null);
  const [db] = useState(() => new JourneywallDb());
  const hasMap = useBoard((state) => state.doc !== null);
  useEffect(() => {
    const started = startProjectorPage(id, boardStore, presentStore, () => window.close());
    setPage(started);
    document.title = 'Journeywall – projector';
    // A board window opened again after a reload reuses this tab with a new id: start anew.
    const onHashChange = () => window.location.reload();
    window.addEventListener('hashchange', onHashChange);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      started.stop();
    };
  }, [id]);
  if (!page || !hasMap)
    return (
      <p className="projector-waiting" data-testid="projector-waiting">
        Waiting for the board window…
      </p>
    );
  return (
    <PresentView
      timer={<TimerDisplay db={db} />}
      voting={page.voting}
      onLeave={page.leave}
      remoteKeys={page.remoteKeys}
      onStatus={page.reportStatus}
      fullscreen={false}
    />
  );
};
