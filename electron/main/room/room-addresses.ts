/**
 * The addresses a room can listen on: the laptop's IPv4 interfaces, likeliest first, so the
 * facilitator's first choice is usually the Wi-Fi the phones are on. Phones on the same Wi-Fi
 * reach a private LAN address; virtual adapters (Docker, VirtualBox, VPNs) and link-local
 * addresses rarely work, so they come after; this computer alone (loopback) comes last.
 */
import os from 'node:os';
import type { RoomAddress } from '../../../shared/ipc/contract.ts';

export type NetworkInterfaces = () => NodeJS.Dict<os.NetworkInterfaceInfo[]>;

export const LOOPBACK_ADDRESS: RoomAddress = { name: 'This computer only', address: '127.0.0.1' };

/** Adapters the system makes for containers, virtual machines and tunnels, not for the room's Wi-Fi. */
const VIRTUAL_ADAPTER =
  /^(docker|br-|veth|virbr|vboxnet|vmnet|vethernet|vmware|virtualbox|utun|tun|tap|zt|tailscale)/i;

function rank(name: string, address: string): number {
  const [a = 0, b = 0] = address.split('.').map(Number);
  if (VIRTUAL_ADAPTER.test(name)) return 5;
  if (a === 192 && b === 168) return 0;
  if (a === 10) return 1;
  if (a === 172 && b >= 16 && b <= 31) return 2;
  if (a === 169 && b === 254) return 4;
  return 3;
}

export function roomAddresses(interfaces: NetworkInterfaces = os.networkInterfaces): RoomAddress[] {
  const found: { address: RoomAddress; rank: number }[] = [];
  const seen = new Set([LOOPBACK_ADDRESS.address]);
  for (const [name, infos] of Object.entries(interfaces())) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4' || info.internal || seen.has(info.address)) continue;
      seen.add(info.address);
      found.push({ address: { name, address: info.address }, rank: rank(name, info.address) });
    }
  }
  // sort is stable: within a rank the system's order stays.
  found.sort((x, y) => x.rank - y.rank);
  return [...found.map((entry) => entry.address), LOOPBACK_ADDRESS];
}

/** Whether the laptop has this address now (a room must never listen on anything else). */
export function isOwnAddress(address: string, interfaces: NetworkInterfaces = os.networkInterfaces): boolean {
  return roomAddresses(interfaces).some((entry) => entry.address === address);
}
