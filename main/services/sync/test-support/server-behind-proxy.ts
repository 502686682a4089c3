// The real server process behind a flaky proxy for a whole test file: started before the first
// test, stopped after the last. `options` stays mutable (dropEvery, hooks) while tests run.
import { afterAll, beforeAll } from 'vitest';
import { type FlakyProxy, type ProxyOptions, startFlakyProxy } from './flaky-proxy';
import { type ServerProcess, startServerProcess } from './server-process';

export interface ServerBehindProxy {
  server: ServerProcess;
  proxy: FlakyProxy;
  options: ProxyOptions;
}

export function serverBehindProxy(): ServerBehindProxy {
  const ctx = { options: { target: '' } } as ServerBehindProxy;
  beforeAll(async () => {
    ctx.server = await startServerProcess();
    ctx.options.target = ctx.server.url;
    ctx.proxy = await startFlakyProxy(ctx.options);
  });
  afterAll(async () => {
    await ctx.proxy?.close();
    await ctx.server?.dispose();
  });
  return ctx;
}
