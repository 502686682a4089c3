import type { Logger } from '../ipc/types';

/** Logs with a timestamp to stderr; stacks stay here and never reach the renderer. */
export const consoleLogger: Logger = {
  info: (message, ...rest) => console.error(`${new Date().toISOString()} info  ${message}`, ...rest),
  warn: (message, ...rest) => console.error(`${new Date().toISOString()} warn  ${message}`, ...rest),
  error: (message, ...rest) => console.error(`${new Date().toISOString()} error ${message}`, ...rest),
};
