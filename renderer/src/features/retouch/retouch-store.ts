// The retouch queue (issue 7): the list with its filter, search and counts, the open task and the
// selection for batch actions. Everything is read from the local catalog (tasks come through
// sync), so it answers offline; claiming asks the hosted service (a hold must be the server's),
// a review or a submitted version is queued and shown at once. 'retouch.changed' and sync status
// events refresh what is shown.
import { create } from 'zustand';
import type { AppError } from '../../../../shared/errors';
import type { Markup } from '../../../../shared/retouch/markup';
import type { RetouchPriority } from '../../../../shared/schemas/retouch-api';
import type { RetouchDetail, RetouchFilter, RetouchRow } from '../../../../shared/schemas/retouch-desk';
import { getApi } from '../../api/use-api';
import { useNav } from '../shell/nav-store';

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

interface RetouchState {
  filter: RetouchFilter;
  search: string;
  counts: Record<RetouchFilter, number> | null;
  rows: RetouchRow[];
  me: string;
  listState: LoadState;
  listError: AppError | null;
  /** Tasks ticked in the queue for a batch action. */
  selected: ReadonlySet<string>;
  taskId: string | null;
  detail: RetouchDetail | null;
  detailState: LoadState;
  detailError: AppError | null;
  busy: string | null;
  /** A refused action in the server's (or the service's) words; claim refusals list each photo. */
  actionError: AppError | null;
  refusals: { taskId: string; reason: string }[];
  setFilter(filter: RetouchFilter): void;
  setSearch(search: string): void;
  toggle(taskId: string, on?: boolean): void;
  selectAll(on: boolean): void;
  loadList(): Promise<void>;
  open(taskId: string): Promise<void>;
  back(): void;
  refresh(): Promise<void>;
  changed(): void;
  claim(taskIds: string[]): Promise<boolean>;
  release(taskIds: string[]): Promise<boolean>;
  resume(): Promise<boolean>;
  plan(change: { priority?: RetouchPriority; dueAt?: string | null }): Promise<boolean>;
  approve(comment: string): Promise<boolean>;
  reject(markups: Markup[], comment: string): Promise<boolean>;
  dismissProblem(): Promise<void>;
  clearActionError(): void;
}

let listRequest = 0;
let searchTimer: ReturnType<typeof setTimeout> | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;

export const useRetouch = create<RetouchState>((set, get) => {
  async function loadDetail(taskId: string, quiet = false) {
    if (!quiet) set({ detailState: 'loading', detailError: null });
    try {
      const detail = await getApi().call('retouch.get', { taskId });
      if (get().taskId === taskId) set({ detail, detailState: 'ready', detailError: null });
    } catch (error) {
      if (get().taskId === taskId && (!quiet || !get().detail)) set({ detailState: 'error', detailError: error as AppError });
    }
  }
  /** One action at a time; a refusal is kept for the page to show; the list follows. */
  async function run(name: string, work: () => Promise<RetouchDetail | null>): Promise<boolean> {
    if (get().busy) return false;
    set({ busy: name, actionError: null, refusals: [] });
    try {
      const detail = await work();
      if (detail && get().taskId === detail.view.task.id) set({ detail });
      void get().loadList();
      return true;
    } catch (error) {
      set({ actionError: error as AppError });
      return false;
    } finally {
      set({ busy: null });
    }
  }
  async function claimLike(name: 'claim' | 'release', taskIds: string[]) {
    let refused: { taskId: string; reason: string }[] = [];
    const ok = await run(name, async () => {
      const answer = await getApi().call(name === 'claim' ? 'retouch.claim' : 'retouch.release', { taskIds });
      refused = answer.refused;
      set({ selected: new Set([...get().selected].filter((id) => !answer.claimed.includes(id))) });
      const { taskId } = get();
      return taskId && taskIds.includes(taskId) ? getApi().call('retouch.get', { taskId }) : null;
    });
    set({ refusals: refused });
    return ok && refused.length === 0;
  }
  const current = () => {
    const { taskId } = get();
    if (!taskId) throw new Error('No task is open.');
    return taskId;
  };

  return {
    filter: 'all',
    search: '',
    counts: null,
    rows: [],
    me: '',
    listState: 'idle',
    listError: null,
    selected: new Set(),
    taskId: null,
    detail: null,
    detailState: 'idle',
    detailError: null,
    busy: null,
    actionError: null,
    refusals: [],
    setFilter(filter) {
      set({ filter, selected: new Set() });
      void get().loadList();
    },
    setSearch(search) {
      set({ search });
      if (searchTimer) clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        searchTimer = null;
        void get().loadList();
      }, 150);
    },
    toggle(taskId, on) {
      const next = new Set(get().selected);
      if (on ?? !next.has(taskId)) next.add(taskId);
      else next.delete(taskId);
      set({ selected: next });
    },
    selectAll(on) {
      set({ selected: on ? new Set(get().rows.map((r) => r.taskId)) : new Set() });
    },
    async loadList() {
      const request = ++listRequest;
      if (get().listState !== 'ready') set({ listState: 'loading', listError: null });
      const { filter, search } = get();
      try {
        const result = await getApi().call('retouch.list', { filter, search: search.trim() });
        if (request !== listRequest) return;
        const shown = new Set(result.rows.map((r) => r.taskId));
        set({
          counts: result.counts,
          rows: result.rows,
          me: result.me,
          listState: 'ready',
          listError: null,
          // A ticked task that left the filter is no longer part of the batch.
          selected: new Set([...get().selected].filter((id) => shown.has(id))),
        });
      } catch (error) {
        if (request === listRequest) set({ listState: 'error', listError: error as AppError });
      }
    },
    async open(taskId) {
      set({ taskId, detail: null, actionError: null, refusals: [] });
      await loadDetail(taskId);
    },
    back() {
      set({ taskId: null, detail: null, detailState: 'idle', detailError: null, actionError: null, refusals: [] });
      void get().loadList();
    },
    async refresh() {
      const { taskId } = get();
      await Promise.all([get().loadList(), taskId ? loadDetail(taskId, true) : null]);
    },
    changed() {
      if (refreshTimer) return;
      // Feed pages, prepared images and outbox answers come in bursts: one refresh per burst.
      refreshTimer = setTimeout(() => {
        refreshTimer = null;
        void get().refresh();
      }, 200);
    },
    claim: (taskIds) => claimLike('claim', taskIds),
    release: (taskIds) => claimLike('release', taskIds),
    resume: () => run('resume', () => getApi().call('retouch.resume', { taskId: current() })),
    plan: (change) => run('plan', () => getApi().call('retouch.plan', { taskId: current(), ...change })),
    approve: (comment) =>
      run('approve', () =>
        getApi().call('retouch.review', { taskId: current(), verdict: 'approve', ...(comment.trim() ? { comment: comment.trim() } : {}) }),
      ),
    reject: (markups, comment) =>
      run('reject', () =>
        getApi().call('retouch.review', {
          taskId: current(),
          verdict: 'reject',
          markups,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        }),
      ),
    async dismissProblem() {
      await run('dismiss', () => getApi().call('retouch.dismissProblem', { taskId: current() }));
    },
    clearActionError: () => set({ actionError: null, refusals: [] }),
  };
});

/** Opens a task's page from anywhere (an order's page, a notice). */
export function openRetouchTask(taskId: string): void {
  void useRetouch.getState().open(taskId);
  useNav.getState().go('retouch');
}
