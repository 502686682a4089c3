// @vitest-environment jsdom
// The comparison and the markup mounted together, as the task page mounts them: the keys, the
// toggle's label, the editor's tools in the comparison's toolbar, the list's names and comments.
// (jsdom lays nothing out, so the picture's geometry is tested in viewport.test.ts and
// shared/retouch/markup-geometry.test.ts; this checks the wiring.)
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Markup } from '../../../../../shared/retouch/markup';
import { initI18n } from '../../../i18n';
import { MarkupEditor, MarkupList } from '../markup';
import { CompareView } from '.';

const before = { screenSrc: 'b.jpg', fullSrc: 'b-full.jpg', width: 6000, height: 4000, label: 'Original' };
const after = { screenSrc: 'a.jpg', fullSrc: 'a-full.jpg', width: 6000, height: 4000, label: 'Round 2' };
const pin: Markup = { id: 'p1', kind: 'pin', n: 1, at: { x: 0.5, y: 0.5 }, comment: 'Dust spot', color: 'red' };

let root: Root | null = null;
let host: HTMLElement;

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  // jsdom lays nothing out: give every pane a size, so the fit is 20 % of a 6000 × 4000 picture.
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 });
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
  initI18n('en');
});

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  host.remove();
});

function mount(node: React.ReactNode) {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  act(() => root?.render(node));
}

const region = () => host.querySelector('section.compare-view') as HTMLElement;
const press = (key: string, init: KeyboardEventInit = {}) =>
  act(() => {
    region().dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
  });
const button = (name: string) =>
  [...host.querySelectorAll('button')].find(
    (b) => b.getAttribute('aria-label') === name || b.textContent?.trim() === name,
  ) as HTMLButtonElement;

function Review({ readOnly = false }: { readOnly?: boolean }) {
  const [markups, setMarkups] = useState<Markup[]>([pin]);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <>
      <CompareView before={before} after={after} defaultMode="toggle">
        <MarkupEditor markups={markups} onChange={setMarkups} selectedId={selected} onSelect={setSelected} />
      </CompareView>
      <MarkupList markups={markups} selectedId={selected} onSelect={setSelected} onChange={setMarkups} readOnly={readOnly} />
    </>
  );
}

describe('CompareView with the markup editor', () => {
  it('names the region and flips before/after with \\ and Space in toggle mode, saying which is shown', () => {
    mount(<Review />);
    expect(region().getAttribute('aria-label')).toBe('Compare Original with Round 2');
    expect(host.textContent).toContain('Showing After: Round 2');
    press('\\');
    expect(host.textContent).toContain('Showing Before: Original');
    expect(host.querySelector('[data-side="before"]')?.hasAttribute('data-hidden')).toBe(false);
    expect(host.querySelector('.compare-pane[data-side="after"]')?.hasAttribute('data-hidden')).toBe(true);
    press(' ');
    expect(host.textContent).toContain('Showing After: Round 2');
  });

  it('zooms with 1, + and −, and fits with 0', () => {
    mount(<Review />);
    const level = () => host.querySelector('.compare-toolbar__level')?.textContent;
    expect(level()).toBe('20%');
    press('1');
    expect(level()).toBe('100%');
    press('+');
    expect(level()).toBe('150%');
    press('-');
    press('-');
    expect(level()).toBe('67%');
    press('0');
    expect(level()).toBe('20%');
    expect(button('Fit').getAttribute('aria-pressed')).toBe('true');
  });

  it('puts the markup tools in the comparison toolbar and picks them with their keys', () => {
    mount(<Review />);
    const toolbar = host.querySelector('[role="toolbar"]');
    expect(toolbar?.getAttribute('aria-label')).toBe('Markup tools');
    expect(host.querySelector('.compare-toolbar__tools')?.contains(toolbar ?? null)).toBe(true);
    expect(button('Select').getAttribute('aria-pressed')).toBe('true');
    press('c');
    expect(button('Circle').getAttribute('aria-pressed')).toBe('true');
  });

  it('selects from the list, deletes with the Delete key and brings it back with Ctrl+Z', () => {
    mount(<Review />);
    act(() => button('Show Pin 1 on the picture').click());
    expect(button('Delete').disabled).toBe(false);
    press('Delete');
    expect(host.textContent).toContain('No markups yet');
    press('z', { ctrlKey: true });
    expect(host.querySelector('textarea')?.value).toBe('Dust spot');
  });

  it('shows comments as text in the retoucher’s read-only list', () => {
    mount(<Review readOnly />);
    expect(host.querySelector('textarea')).toBeNull();
    expect(host.querySelector('.markup-list')?.textContent).toContain('Dust spot');
  });
});
