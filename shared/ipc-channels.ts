// The only two Electron IPC channel names in the codebase. Calls share one channel and carry
// their name as data (validated in main against the contract). Kept free of imports so the
// sandboxed preload can bundle it without pulling in zod.
export const IPC_CALL_CHANNEL = 'proofdesk:call';
export const IPC_EVENT_CHANNEL = 'proofdesk:event';
