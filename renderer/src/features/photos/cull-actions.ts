// Every culling action is one object (label, keys, perform), so the keyboard, the toolbar
// and the tests use the same list (the Excalidraw actions-registry habit).
import type { ColorLabel } from '../../../../shared/schemas/photos';
import { usePhotos } from './photos-store';

export interface CullContext {
  /** Photos per grid row, for up/down. */
  columns: number;
}

export interface CullAction {
  id: string;
  /** i18n key of the label shown on buttons and in the shortcut help. */
  labelKey: string;
  labelValues?: Record<string, string | number>;
  keys: string[];
  perform(ctx: CullContext, event?: { shiftKey: boolean }): void;
}

const store = () => usePhotos.getState();
const move =
  (delta: (ctx: CullContext) => number): CullAction['perform'] =>
  (ctx, event) =>
    store().setFocus(store().focus + delta(ctx), event?.shiftKey ?? false);

const labelKeys: [string, ColorLabel][] = [
  ['6', 'red'],
  ['7', 'yellow'],
  ['8', 'green'],
  ['9', 'blue'],
];

export const cullActions: CullAction[] = [
  ...[0, 1, 2, 3, 4, 5].map(
    (rating): CullAction => ({
      id: `rate-${rating}`,
      labelKey: rating === 0 ? 'cull.clearRating' : 'cull.rate',
      labelValues: { count: rating },
      keys: [String(rating)],
      perform: () => void store().applyFlags({ rating }),
    }),
  ),
  { id: 'pick', labelKey: 'cull.pick', keys: ['p', 'P'], perform: () => void store().applyFlags({ pick: 'pick' }) },
  { id: 'reject', labelKey: 'cull.reject', keys: ['x', 'X'], perform: () => void store().applyFlags({ pick: 'reject' }) },
  { id: 'unflag', labelKey: 'cull.unflag', keys: ['u', 'U'], perform: () => void store().applyFlags({ pick: 'none' }) },
  ...labelKeys.map(
    ([key, label]): CullAction => ({
      id: `label-${label}`,
      labelKey: `labels.${label}`,
      keys: [key],
      perform: () => {
        const current = store().itemAt(store().focus)?.colorLabel ?? null;
        void store().applyFlags({ colorLabel: current === label ? null : label });
      },
    }),
  ),
  { id: 'next', labelKey: 'cull.next', keys: ['ArrowRight'], perform: move(() => 1) },
  { id: 'previous', labelKey: 'cull.previous', keys: ['ArrowLeft'], perform: move(() => -1) },
  { id: 'down', labelKey: 'cull.down', keys: ['ArrowDown'], perform: move((ctx) => ctx.columns) },
  { id: 'up', labelKey: 'cull.up', keys: ['ArrowUp'], perform: move((ctx) => -ctx.columns) },
  { id: 'first', labelKey: 'cull.first', keys: ['Home'], perform: () => store().setFocus(0) },
  { id: 'last', labelKey: 'cull.last', keys: ['End'], perform: () => store().setFocus(store().total - 1) },
  { id: 'loupe', labelKey: 'cull.loupe', keys: [' ', 'Enter'], perform: () => store().setLoupe(!store().loupe) },
  { id: 'close-loupe', labelKey: 'cull.closeLoupe', keys: ['Escape'], perform: () => store().setLoupe(false) },
];

const byKey = new Map(cullActions.flatMap((action) => action.keys.map((key) => [key, action] as const)));

export function actionForKey(key: string): CullAction | undefined {
  return byKey.get(key);
}
