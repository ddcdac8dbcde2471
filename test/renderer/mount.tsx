import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import { App } from '../../renderer/src/App.js';
import { languagesLoading } from '../../renderer/src/i18n.js';
import type { StubBridge } from './stub-bridge.js';

export interface Mounted {
  root: HTMLElement;
  text(): string;
  find(selector: string): HTMLElement;
  findAll(selector: string): HTMLElement[];
  unmount(): void;
}

/** Renders the whole window over a stub bridge at a hash route, and waits for the first state. */
export async function mountApp(bridge: StubBridge, hash = '#/calls'): Promise<Mounted> {
  window.location.hash = hash;
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => {
    render(<App bridge={bridge} />, root);
  });
  await settle();
  return {
    root,
    text: () => root.textContent ?? '',
    find(selector) {
      const el = root.querySelector<HTMLElement>(selector);
      if (!el) throw new Error(`nothing matches ${selector}`);
      return el;
    },
    findAll: (selector) => [...root.querySelectorAll<HTMLElement>(selector)],
    unmount: () => act(() => render(null, root)),
  };
}

/**
 * Lets pending promises (bridge answers, a language's chunk) and the re-renders they cause
 * finish. A render caused by an answer that came between two acts (the details' `getCall`)
 * runs its effects after the next frame, as in the window: the last round waits for it.
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await Promise.resolve();
      await languagesLoading();
    });
  }
  // Under fake timers the test moves the clock itself, and the frame with it.
  if (!vi.isFakeTimers()) {
    await act(() => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done))));
  }
}

export async function navigate(hash: string): Promise<void> {
  await act(async () => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

/** Types into an input the way a person does: value, then input and change events. */
export async function typeInto(input: HTMLElement, value: string): Promise<void> {
  await act(async () => {
    (input as HTMLInputElement).value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function commit(input: HTMLElement): Promise<void> {
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await settle();
}

export async function click(el: HTMLElement): Promise<void> {
  await act(async () => {
    el.click();
  });
  await settle();
}
