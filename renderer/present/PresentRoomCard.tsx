import { RoomQr } from '../room/RoomQr.tsx';
import { useRoom } from '../room/room-store.ts';
import { usePresent } from './present-store.ts';

/**
 * While the room is open, how to join it, in a corner of present mode: the QR code large enough
 * to scan from the back of the room, the address to type, and the room code to check. J hides
 * it (it covers a corner of the map) and shows it again.
 */
export const PresentRoomCard = () => {
  const open = useRoom((state) => state.open);
  const shown = usePresent((state) => state.joinShown);
  if (!open || !shown) return null;
  return (
    <aside className="present-room" aria-label="Join the room" data-testid="present-room">
      <RoomQr url={open.info.url} size={180} />
      <p className="present-room-url">{open.info.url}</p>
      <p className="present-room-code">
        Room <strong>{open.info.code}</strong>
      </p>
    </aside>
  );
};
