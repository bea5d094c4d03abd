import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { CLIENT_ID_PATTERN, type NoteSubmission, ROOM_CLOSE } from '../../shared/room/protocol.ts';
import { joinAs } from './device.ts';
import type { KeptStorage } from './kept.ts';
import { ParticipantApp } from './ParticipantApp.tsx';
import { roomAddressOf } from './room-address.ts';
import { fakeLaptop, memoryStorage, refusingStorage, round, TOKEN } from './test-support.ts';

const address = roomAddressOf(new URL(`http://192.168.1.20:41234/j/${TOKEN}/`));

let host: HTMLDivElement;
let root: Root;
let laptop: ReturnType<typeof fakeLaptop>;
let storage: KeptStorage;

const open = () =>
  root.render(<ParticipantApp address={address} storage={storage} WebSocket={laptop.WebSocket} />);

/** The phone reloads the page: a new app over the same storage, a new connection. */
const reload = () => {
  root.unmount();
  root = createRoot(host);
  open();
};

/** The connection the page is opening; React connects once it has rendered. */
const connecting = async () => {
  await expect.poll(() => laptop.sockets.at(-1)?.readyState).toBe(0);
  return laptop.latest();
};

/** The laptop welcomes the phone and shows it a round. */
const welcome = async (shown: ReturnType<typeof round> | null = round()) => {
  const socket = await connecting();
  socket.accept();
  socket.say({ type: 'welcome', roomCode: 'K7PQ2M', name: 'Ana' });
  socket.say({ type: 'round', round: shown, now: Date.now() });
};

const notesSent = () =>
  laptop.latest().sent.filter((frame): frame is NoteSubmission => (frame as NoteSubmission).type === 'note');

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  laptop = fakeLaptop();
  storage = memoryStorage();
});

afterEach(() => {
  root.unmount();
  host.remove();
});

describe('joining the room', () => {
  it('asks for an optional name, then says hello as this phone', async () => {
    open();
    await page.getByLabelText('Your name (optional)').fill('Ana');
    await page.getByRole('button', { name: 'Join' }).click();
    await expect.element(page.getByRole('status')).toHaveTextContent('Connecting…');
    await welcome(null);
    await expect.element(page.getByRole('heading', { name: 'Room K7PQ2M' })).toBeVisible();
    await expect.element(page.getByText('Writing as Ana')).toBeVisible();
    await expect.element(page.getByRole('status')).toHaveTextContent('Connected');
    const [hello] = laptop.latest().sent as [{ type: string; device: string; name: string }];
    expect(hello).toMatchObject({ type: 'hello', name: 'Ana' });
    expect(hello.device).toMatch(CLIENT_ID_PATTERN);
  });

  it('skips joining after a reload and is the same participant', async () => {
    open();
    await page.getByRole('button', { name: 'Join' }).click();
    await welcome(null);
    const device = (laptop.latest().sent[0] as { device: string }).device;
    reload();
    await expect.element(page.getByRole('status')).toHaveTextContent('Connecting…');
    expect(page.getByRole('button', { name: 'Join' }).query()).toBeNull();
    (await connecting()).accept();
    expect(laptop.latest().sent[0]).toEqual({ type: 'hello', device, name: '' });
  });
});

describe('writing in a round', () => {
  beforeEach(() => {
    joinAs(storage, TOKEN, 'Ana');
    open();
  });

  it('waits for the facilitator between rounds', async () => {
    await welcome(null);
    await expect.element(page.getByText('Waiting for the facilitator to open a writing round')).toBeVisible();
    expect(page.getByLabelText('Your note', { exact: true }).query()).toBeNull();
  });

  it('shows the prompt and only the pickers with a choice to make', async () => {
    await welcome();
    await expect
      .element(page.getByRole('heading', { name: 'What happens when the parcel is late?' }))
      .toBeVisible();
    await expect.element(page.getByLabelText('Stage')).toHaveValue('');
    await expect.element(page.getByLabelText('Kind')).toHaveValue('note');
    expect(page.getByLabelText('Lane').query()).toBeNull();
    const kinds = [...(page.getByLabelText('Kind').element() as HTMLSelectElement).options].map(
      (option) => option.text,
    );
    expect(kinds).toEqual(['Note', 'Breakdown point']);
  });

  it('preselects the only stage and asks for the lane when there are several', async () => {
    await welcome(
      round({
        stages: [{ id: 'stage-order', name: 'Order' }],
        lanes: [
          { id: 'lane-actions', name: 'Actions' },
          { id: 'lane-feelings', name: 'Feelings' },
        ],
        kinds: ['breakdown'],
      }),
    );
    await expect.element(page.getByLabelText('Lane')).toBeVisible();
    expect(page.getByLabelText('Stage').query()).toBeNull();
    expect(page.getByLabelText('Kind').query()).toBeNull();
    await page.getByLabelText('Lane').selectOptions('Feelings');
    await page.getByLabelText('Your note', { exact: true }).fill('Nobody tells me where it is');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.poll(notesSent).toHaveLength(1);
    expect(notesSent()[0]).toMatchObject({
      stageId: 'stage-order',
      laneId: 'lane-feelings',
      kind: 'breakdown',
    });
  });

  it('clears the note at once, shows it waiting, then sent once the laptop has it', async () => {
    await welcome();
    await page.getByLabelText('Stage').selectOptions('Delivery');
    await page.getByLabelText('Kind').selectOptions('Breakdown point');
    await page.getByLabelText('Your note', { exact: true }).fill('  The tracking page says nothing  ');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.element(page.getByLabelText('Your note', { exact: true })).toHaveValue('');
    const mine = page.getByRole('region', { name: 'Your notes' }).getByRole('listitem');
    await expect.element(mine).toHaveTextContent('The tracking page says nothingWaiting to send…');
    await expect.poll(notesSent).toHaveLength(1);
    const [sent] = notesSent() as [NoteSubmission];
    expect(sent).toMatchObject({
      type: 'note',
      roundId: 'round-1',
      text: 'The tracking page says nothing',
      stageId: 'stage-delivery',
      laneId: 'lane-actions',
      kind: 'breakdown',
    });
    expect(sent.id).toMatch(CLIENT_ID_PATTERN);
    laptop.latest().say({ type: 'ack', ids: [sent.id] });
    await expect.element(mine).toHaveTextContent('Sent ✓');
    // The pickers keep their choice for the next note.
    await expect.element(page.getByLabelText('Stage')).toHaveValue('stage-delivery');
  });

  it('keeps notes written offline and sends them, same id, when the room is back', async () => {
    await welcome();
    laptop.latest().end(1006);
    await expect
      .element(page.getByRole('status'))
      .toHaveTextContent('Reconnecting… your notes are kept on this phone and sent when the room is back');
    await page.getByLabelText('Your note', { exact: true }).fill('Written on the train');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.element(page.getByText('Waiting to send…')).toBeVisible();
    await page.getByLabelText('Your note', { exact: true }).fill('Half a sent');
    reload();
    // Before the room is back: the round, the waiting note and the half-typed one are all there.
    await expect.element(page.getByText('Written on the train')).toBeVisible();
    await expect.element(page.getByText('Waiting to send…')).toBeVisible();
    await expect.element(page.getByLabelText('Your note', { exact: true })).toHaveValue('Half a sent');
    window.dispatchEvent(new Event('online'));
    await welcome();
    expect(notesSent().map((note) => note.text)).toEqual(['Written on the train']);
    laptop.latest().say({ type: 'ack', ids: notesSent().map((note) => note.id) });
    await expect.element(page.getByText('Sent ✓')).toBeVisible();
  });

  it('counts down the round’s time, and still takes notes after it', async () => {
    await welcome(round({ endsAt: Date.now() + 90_500 }));
    await expect.element(page.getByRole('timer')).toHaveTextContent(/^01:3[01]$/);
    laptop.latest().say({ type: 'round', round: round({ endsAt: Date.now() - 1 }), now: Date.now() });
    await expect.element(page.getByText("Time's up. You can still send notes.")).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Send' })).toBeVisible();
  });

  it('counts down on the phone’s own clock when the laptop’s is off', async () => {
    const laptopNow = Date.now() - 10 * 60_000;
    const socket = await connecting();
    socket.accept();
    socket.say({ type: 'welcome', roomCode: 'K7PQ2M', name: 'Ana' });
    socket.say({ type: 'round', round: round({ endsAt: laptopNow + 90_500 }), now: laptopNow });
    await expect.element(page.getByRole('timer')).toHaveTextContent(/^01:3[01]$/);
  });

  it('counts the characters left near the limit', async () => {
    await welcome();
    await page.getByLabelText('Your note', { exact: true }).fill('x'.repeat(390));
    expect(page.getByText(/characters left/).query()).toBeNull();
    await page.getByLabelText('Your note', { exact: true }).fill('x'.repeat(450));
    await expect.element(page.getByText('50 characters left')).toBeVisible();
  });

  it('tells a removed participant and stops', async () => {
    await welcome();
    laptop.latest().say({ type: 'removed' });
    laptop.latest().end(ROOM_CLOSE.removed);
    await expect
      .element(page.getByRole('status'))
      .toHaveTextContent('The facilitator removed you from this room.');
    expect(page.getByLabelText('Your note', { exact: true }).query()).toBeNull();
    window.dispatchEvent(new Event('online'));
    expect(laptop.sockets).toHaveLength(1);
  });

  it('tells a phone turned away from a full room, and lets it try again', async () => {
    (await connecting()).accept();
    laptop.latest().say({ type: 'full' });
    await expect
      .element(page.getByRole('status'))
      .toHaveTextContent('This room is full. Ask the facilitator.');
    await page.getByRole('button', { name: 'Try again' }).click();
    expect(laptop.sockets).toHaveLength(2);
  });
});

describe('a browser that will not store anything', () => {
  it('still joins and sends, and says once that notes last only while the page is open', async () => {
    storage = refusingStorage();
    open();
    await page.getByRole('button', { name: 'Join' }).click();
    await welcome();
    await page.getByLabelText('Your note', { exact: true }).fill('Kept in memory');
    await page.getByRole('button', { name: 'Send' }).click();
    await expect.element(page.getByText(/they are kept only while this page is open/)).toBeVisible();
    expect(page.getByText(/only while this page is open/).elements()).toHaveLength(1);
    await expect.poll(notesSent).toHaveLength(1);
  });
});

describe('voting on the phone', () => {
  const vote = {
    id: 'vote-1',
    question: 'Which breakdowns hurt most?',
    dotsPerVoter: 2,
    stacking: false,
    notes: [
      { id: 'note-a', text: 'Hold music', kind: 'breakdown' as const, stage: 'Request', lane: 'Breakdowns' },
      { id: 'note-b', text: 'Wrong cartridge', kind: 'breakdown' as const, stage: 'Use', lane: 'Breakdowns' },
    ],
  };
  const ballotsSent = () =>
    laptop
      .latest()
      .sent.filter(
        (frame): frame is { type: 'ballot'; id: string; seq: number; dots: Record<string, number> } =>
          (frame as { type: string }).type === 'ballot',
      );

  it('shows the notes stage by stage, sends the whole ballot after each dot, and keeps it across a reload', async () => {
    joinAs(storage, TOKEN, 'Ana');
    open();
    await welcome(null);
    laptop.latest().say({ type: 'vote', vote });
    await expect.element(page.getByRole('heading', { name: 'Which breakdowns hurt most?' })).toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'Request' })).toBeVisible();
    await page.getByRole('button', { name: 'Give a dot to: Hold music' }).click();
    await expect.element(page.getByText('1 dot left', { exact: false })).toBeVisible();
    // One dot a note without stacking.
    await expect.element(page.getByRole('button', { name: 'Give a dot to: Hold music' })).toBeDisabled();
    await page.getByRole('button', { name: 'Give a dot to: Wrong cartridge' }).click();
    await expect.poll(() => ballotsSent().at(-1)?.dots).toEqual({ 'note-a': 1, 'note-b': 1 });
    const last = ballotsSent().at(-1);
    expect(last?.seq).toBeGreaterThan(ballotsSent()[0]?.seq ?? 0);
    laptop.latest().say({ type: 'ack', ids: [last?.id ?? ''] });
    await expect.element(page.getByText('0 dots left')).toBeVisible();

    reload();
    const socket = await connecting();
    socket.accept();
    socket.say({ type: 'vote', vote });
    await expect.element(page.getByText('0 dots left')).toBeVisible();
    await page.getByRole('button', { name: 'Take a dot off: Hold music' }).click();
    await expect.poll(() => ballotsSent().at(-1)?.dots).toEqual({ 'note-b': 1 });
  });
});

describe('following the room’s screen', () => {
  const map = {
    name: 'Toner',
    scenario: 'Current',
    stages: [
      {
        id: 'stage-1',
        name: 'Request',
        lanes: [
          { name: 'Breakdowns', notes: [{ id: 'n1', text: 'Hold music', kind: 'breakdown' as const }] },
        ],
      },
      {
        id: 'stage-2',
        name: 'Use',
        lanes: [
          { name: 'Actions', notes: [{ id: 'n2', text: 'Prints a test page', kind: 'note' as const }] },
        ],
      },
    ],
  };

  it('reads the map stage by stage, following the stage on the screen until the participant picks another', async () => {
    joinAs(storage, TOKEN, 'Ana');
    open();
    await welcome(null);
    laptop.latest().say({ type: 'map', map });
    laptop.latest().say({ type: 'screen', screen: { timer: null, follow: 'stage-2' }, now: Date.now() });
    await expect.element(page.getByText('Prints a test page')).toBeVisible();
    await expect.element(page.getByText('Following the screen')).toBeVisible();
    await page.getByLabelText('Read stage').selectOptions('Request');
    await expect.element(page.getByText('Hold music')).toBeVisible();
    laptop.latest().say({ type: 'screen', screen: { timer: null, follow: 'stage-2' }, now: Date.now() });
    await expect.element(page.getByText('Hold music')).toBeVisible();
    await page.getByRole('button', { name: 'Follow the screen' }).click();
    await expect.element(page.getByText('Prints a test page')).toBeVisible();
  });

  it('shows the workshop timer on the phone’s own clock, and when it is paused', async () => {
    joinAs(storage, TOKEN, 'Ana');
    open();
    await welcome(null);
    const laptopNow = Date.now() + 5 * 60_000;
    laptop.latest().say({
      type: 'screen',
      screen: { timer: { status: 'running', endsAt: laptopNow + 120_500 }, follow: null },
      now: laptopNow,
    });
    await expect.element(page.getByRole('timer')).toHaveTextContent(/^02:0[01]$/);
    laptop.latest().say({
      type: 'screen',
      screen: { timer: { status: 'paused', remainingMs: 61_000 }, follow: null },
      now: laptopNow,
    });
    await expect.element(page.getByText('Timer paused at 01:01')).toBeVisible();
  });
});
