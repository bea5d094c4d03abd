import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { NumberField } from './NumberField.tsx';

let host: HTMLDivElement;
let root: Root;
const onCommit = vi.fn();

const show = async (value: number) => {
  root.render(
    <>
      <NumberField
        id="width"
        label="Stage width"
        value={value}
        min={160}
        max={2000}
        step={20}
        onCommit={onCommit}
      />
      <button type="button">Elsewhere</button>
    </>,
  );
  const input = page.getByRole('spinbutton', { name: 'Stage width' });
  await expect.element(input).toBeVisible();
  return input;
};

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  onCommit.mockClear();
});

afterEach(() => {
  root.unmount();
  host.remove();
});

describe('a number field', () => {
  it('changes the map once, on Enter, with the number typed', async () => {
    const input = await show(240);
    await userEvent.fill(input, '');
    await userEvent.type(input, '300');
    expect(onCommit).not.toHaveBeenCalled();
    await userEvent.keyboard('{Enter}');
    expect(onCommit).toHaveBeenCalledExactlyOnceWith(300);
  });

  it('changes the map when the focus leaves it, keeping the number within its limits', async () => {
    const input = await show(240);
    await userEvent.fill(input, '5000');
    await userEvent.click(page.getByRole('button', { name: 'Elsewhere' }));
    expect(onCommit).toHaveBeenCalledExactlyOnceWith(2000);
  });

  it('puts the value back on Escape, and ignores an emptied field', async () => {
    const input = await show(240);
    await userEvent.fill(input, '400');
    await userEvent.keyboard('{Escape}');
    await expect.element(input).toHaveValue(240);
    await userEvent.fill(input, '');
    await userEvent.keyboard('{Enter}');
    await expect.element(input).toHaveValue(240);
    expect(onCommit).not.toHaveBeenCalled();
  });
});
