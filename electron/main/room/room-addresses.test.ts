import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isOwnAddress, LOOPBACK_ADDRESS, roomAddresses } from './room-addresses.ts';

const ipv4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/24`,
});

const ipv6 = (address: string): NetworkInterfaceInfo => ({
  address,
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '00:00:00:00:00:00',
  internal: false,
  cidr: `${address}/64`,
  scopeid: 0,
});

/** A laptop with Docker, a VPN, a link-local cable, a public address and Wi-Fi, listed in a poor order. */
const laptop = () => ({
  lo: [ipv4('127.0.0.1', true)],
  docker0: [ipv4('172.17.0.1')],
  eth1: [ipv4('169.254.10.2')],
  tun0: [ipv4('10.8.0.6')],
  eth0: [ipv4('203.0.113.7')],
  'Wi-Fi': [ipv6('fe80::1'), ipv4('192.168.1.20')],
  Ethernet: [ipv4('10.0.0.5')],
  bridge: [ipv4('172.20.1.4')],
});

describe('room addresses', () => {
  it('lists the LAN addresses first, then others, link-local and virtual adapters, this computer last', () => {
    expect(roomAddresses(laptop)).toEqual([
      { name: 'Wi-Fi', address: '192.168.1.20' },
      { name: 'Ethernet', address: '10.0.0.5' },
      { name: 'bridge', address: '172.20.1.4' },
      { name: 'eth0', address: '203.0.113.7' },
      { name: 'eth1', address: '169.254.10.2' },
      { name: 'docker0', address: '172.17.0.1' },
      { name: 'tun0', address: '10.8.0.6' },
      { name: 'This computer only', address: '127.0.0.1' },
    ]);
  });

  it('always offers this computer alone, once, even with no network', () => {
    expect(roomAddresses(() => ({}))).toEqual([LOOPBACK_ADDRESS]);
    expect(roomAddresses(() => ({ lo: [ipv4('127.0.0.1', true)], lo0: [ipv4('127.0.0.1', true)] }))).toEqual([
      LOOPBACK_ADDRESS,
    ]);
  });

  it('accepts only addresses the laptop has now', () => {
    expect(isOwnAddress('192.168.1.20', laptop)).toBe(true);
    expect(isOwnAddress('127.0.0.1', laptop)).toBe(true);
    expect(isOwnAddress('192.168.1.21', laptop)).toBe(false);
    expect(isOwnAddress('0.0.0.0', laptop)).toBe(false);
    expect(isOwnAddress('fe80::1', laptop)).toBe(false);
  });
});
