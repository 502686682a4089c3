import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calls } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { makeTempDir } from '../../test/helpers/temp-dir';
import { makeTestCore, recordingLogger } from '../../test/helpers/test-core';
import { createDispatcher } from './registry';
import type { Handlers } from './types';

const trusted = { origin: 'app://proofdesk/index.html', transport: 'electron' as const };

describe('dispatcher over the real core', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    temp = await makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('answers a valid call with a value that matches the contract', async () => {
    const { core } = makeTestCore(temp.dir);
    const result = await core.dispatch('app.info', {}, trusted);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(calls['app.info'].output.parse(result.value)).toMatchObject({
        name: 'Proofdesk',
        runtime: 'browser-host',
        canPickFolders: false,
      });
    }
  });

  it('round-trips preferences through set and get', async () => {
    const { core } = makeTestCore(temp.dir);
    const set = await core.dispatch('prefs.set', { language: 'pl', serverUrl: 'https://studio.example.com' }, trusted);
    expect(set).toMatchObject({ ok: true, value: { language: 'pl', serverUrl: 'https://studio.example.com' } });
    const get = await core.dispatch('prefs.get', {}, trusted);
    expect(get).toMatchObject({ ok: true, value: { language: 'pl', theme: 'system' } });
  });

  it('rejects invalid input with a readable message and field errors', async () => {
    const { core } = makeTestCore(temp.dir);
    const result = await core.dispatch('library.create', { path: 'relative/folder', name: '' }, trusted);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toMatch(/was not accepted/);
      expect(result.error.fields?.path).toMatch(/full path/);
      expect(result.error.fields?.name).toMatch(/name/);
    }
  });

  it('rejects unknown keys in strict inputs', async () => {
    const { core } = makeTestCore(temp.dir);
    const result = await core.dispatch('prefs.set', { language: 'en', isAdmin: true }, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('rejects an unknown call by name', async () => {
    const { core } = makeTestCore(temp.dir);
    const result = await core.dispatch('catalog.dropEverything', {}, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    if (!result.ok) expect(result.error.message).toContain('catalog.dropEverything');
  });

  it('refuses calls from an untrusted origin before running anything', async () => {
    const { core, log } = makeTestCore(temp.dir);
    const result = await core.dispatch('prefs.set', { language: 'pl' }, { origin: 'https://evil.example', transport: 'electron' });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.prefs.get().language).toBe('en');
    expect(log.lines.join('\n')).toMatch(/untrusted origin/);
  });

  it('reports the folder picker as unsupported where there is none', async () => {
    const { core } = makeTestCore(temp.dir);
    const result = await core.dispatch('dialog.pickFolder', {}, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});

describe('dispatcher error handling', () => {
  const base = (overrides: Partial<Handlers>): Handlers =>
    ({
      'app.info': () => {
        throw new Error('disk on fire at /secret/path');
      },
      ...overrides,
    }) as Handlers;

  it('turns an unexpected exception into an internal error without leaking the stack', async () => {
    const log = recordingLogger();
    const dispatch = createDispatcher({ handlers: base({}), isTrustedOrigin: () => true, log });
    const result = await dispatch('app.info', {}, trusted);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(JSON.stringify(result)).not.toMatch(/secret|disk on fire|at .*\.ts/);
    }
    expect(log.lines.join('\n')).toMatch(/disk on fire/);
  });

  it('passes an AppError through with its code and message', async () => {
    const dispatch = createDispatcher({
      handlers: base({
        'library.current': () => {
          throw new AppError('conflict', 'Someone else changed this.');
        },
      }),
      isTrustedOrigin: () => true,
      log: recordingLogger(),
    });
    expect(await dispatch('library.current', {}, trusted)).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Someone else changed this.' },
    });
  });

  it('refuses a handler answer outside the output schema', async () => {
    const log = recordingLogger();
    const dispatch = createDispatcher({
      handlers: base({ 'library.current': () => ({ id: 1 }) as never }),
      isTrustedOrigin: () => true,
      log,
    });
    expect(await dispatch('library.current', {}, trusted)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(log.lines.join('\n')).toMatch(/outside its contract/);
  });
});
