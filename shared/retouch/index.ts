// The retouch task state machine: states, events, refusals, leases and the reducer (see README.md).

export * from './markup';
export * from './task-events';
export * from './task-machine';
export * from './task-refusals';
export * from './task-states';
