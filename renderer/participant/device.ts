import { nanoid } from 'nanoid';
import { type Hello, helloSchema, ROOM_LIMITS } from '../../shared/room/protocol.ts';
import { type KeptStorage, keptKey, readKept, writeKept } from './kept.ts';

/** Who this phone is in a room: its device id, made once, and the name it joined with. */
export type Participant = Pick<Hello, 'device' | 'name'>;

const participantSchema = helloSchema.pick({ device: true, name: true });

/** The participant this phone joined the room as, or null before it has joined. */
export const keptParticipant = (storage: KeptStorage | null, token: string): Participant | null => {
  const parsed = participantSchema.safeParse(readKept(storage, keptKey(token, 'participant')));
  return parsed.success ? parsed.data : null;
};

/**
 * Joins as `name`, keeping the device id of an earlier join so the laptop sees the same
 * participant. Where storage fails the participant lasts as long as the page.
 */
export const joinAs = (storage: KeptStorage | null, token: string, name: string): Participant => {
  const participant = {
    device: keptParticipant(storage, token)?.device ?? nanoid(),
    name: name.trim().slice(0, ROOM_LIMITS.nameLength),
  };
  writeKept(storage, keptKey(token, 'participant'), participant);
  return participant;
};
