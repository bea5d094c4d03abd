import { ROOM_TOKEN_PATTERN } from '../../shared/room/protocol.ts';

/** Where this page's room is: its token (which keys what the phone keeps) and its socket. */
export interface RoomAddress {
  readonly token: string;
  readonly socketUrl: string;
}

/** `/j/<token>`, with whatever follows it: the page is `/j/<token>/`, its files beside it. */
const JOIN_PATH = /^(.*\/j\/([^/]+))(?:\/.*)?$/;

/**
 * The room of the page at this address, or null when it is not a join address. The socket is on
 * the same host, beside the page: `ws://<host>/j/<token>/ws`.
 */
export const roomAddressOf = (
  location: Pick<Location, 'protocol' | 'host' | 'pathname'>,
): RoomAddress | null => {
  const match = JOIN_PATH.exec(location.pathname);
  const [, prefix, token] = match ?? [];
  if (prefix === undefined || token === undefined || !ROOM_TOKEN_PATTERN.test(token)) return null;
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return { token, socketUrl: `${scheme}//${location.host}${prefix}/ws` };
};
