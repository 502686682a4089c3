import { describe, expect, it } from 'vitest';
import { callNames, calls, eventNames, events, isCallName, isEventName } from './contract';

describe('contract', () => {
  it('gives every call an input schema, an output schema and a summary', () => {
    for (const name of callNames) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(typeof calls[name].input.safeParse).toBe('function');
      expect(typeof calls[name].output.safeParse).toBe('function');
      expect(calls[name].summary.length).toBeGreaterThan(5);
    }
  });

  it('round-trips a valid input and output through the schemas unchanged', () => {
    const input = { path: '/Users/anna/Proofdesk', name: 'Studio Nowak' };
    expect(calls['library.create'].input.parse(input)).toEqual(input);
    const library = { id: 'a', name: 'Studio Nowak', path: '/x', createdAt: '2026-11-25T10:00:00.000Z' };
    expect(calls['library.create'].output.parse(JSON.parse(JSON.stringify(library)))).toEqual(library);
  });

  it('accepts Windows paths and refuses relative ones', () => {
    expect(calls['library.open'].input.safeParse({ path: 'D:\\Studio\\Library' }).success).toBe(true);
    expect(calls['library.open'].input.safeParse({ path: 'Studio/Library' }).success).toBe(false);
  });

  it('knows its own names and no others', () => {
    expect(isCallName('app.info')).toBe(true);
    expect(isCallName('toString')).toBe(false);
    expect(isCallName('__proto__')).toBe(false);
    expect(eventNames).toContain('job.progress');
    expect(isEventName('job.progress')).toBe(true);
    expect(isEventName('job.nope')).toBe(false);
  });

  it('validates job progress payloads', () => {
    expect(events['job.progress'].safeParse({ jobId: 'j1', kind: 'import', state: 'running', done: 3, total: 10 }).success).toBe(true);
    expect(events['job.progress'].safeParse({ jobId: 'j1', kind: 'import', state: 'running', done: -1, total: 10 }).success).toBe(false);
  });
});
