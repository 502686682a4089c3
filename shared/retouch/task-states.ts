// The states a retouch task moves through (issue 7, "Retouch queue"). The names are the stable
// keys: stored, sent over the wire and used as translation keys (`retouch.state.<state>`); the
// English labels are the fallback the UI translates.
import { z } from 'zod';

export const taskStates = ['to_do', 'in_progress', 'in_review', 'approved', 'rejected'] as const;
export type TaskStateName = (typeof taskStates)[number];
export const taskStateSchema = z.enum(taskStates);

export function isTaskState(value: unknown): value is TaskStateName {
  return typeof value === 'string' && (taskStates as readonly string[]).includes(value);
}

export const taskStateLabels: Record<TaskStateName, string> = {
  to_do: 'To do',
  in_progress: 'In progress',
  in_review: 'In review',
  approved: 'Approved',
  rejected: 'Sent back',
};

export function taskStateLabelKey(state: TaskStateName): string {
  return `retouch.state.${state}`;
}

/** No event moves a task out of these. */
export const terminalTaskStates = ['approved'] as const satisfies readonly TaskStateName[];
