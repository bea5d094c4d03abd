import { RoomQr } from '../room/RoomQr.tsx';
import { useRoom } from '../room/room-store.ts';

/**
 * While the room is open, how to join it, in a corner of present mode: the QR code large enough
 * to scan from the back of the room, the address to type, and the room code to check.
 */
export const PresentRoomCard = () => {
  const open = useRoom((state) => state.open);
  if (!open) return null;
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
