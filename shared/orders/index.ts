// The order state machine: states, events, refusals and the reducer (see README.md).
export * from './order-events';
export * from './order-machine';
export * from './order-refusals';
export * from './order-states';
