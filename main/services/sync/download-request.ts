// One GET of a download, streamed into the partial file from `resumeAt` on. It ends in one of three
// ways: every byte of the answer is on disk (returns), the connection failed or the server said
// "later" (Interrupted: worth another request, which resumes), or the server refused (Refused).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AppError } from '../../../shared/errors';
import { verdictOf } from './answers';
import type { ApiAnswer, FetchLike } from './api-client';
import { writing } from './disk-problems';

export class Interrupted extends Error {
  override name = 'Interrupted';
}

export class Refused extends Error {
  override name = 'Refused';
  constructor(readonly answer: ApiAnswer) {
    super(`The server answered with status ${answer.status}.`);
  }
}

export interface RequestTarget {
  fetch: FetchLike;
  url: string;
  token: string;
  idleTimeoutMs: number;
}

export interface Expectation {
  size?: number;
  onProgress?: (received: number, total: number | null) => void;
  /** The error for bytes that cannot be the file asked for (longer than its size). */
  mismatch: () => AppError;
}

// "bytes 100-199/1000" → { start: 100, total: 1000 }; "bytes */1000" (answering a 416) → { start: null, total: 1000 }.
function contentRange(header: string | null): { start: number | null; total: number | null } {
  const match = /^bytes\s+(?:(\d+)-\d+|\*)\/(\d+|\*)$/i.exec(header?.trim() ?? '');
  if (!match) return { start: null, total: null };
  return { start: match[1] === undefined ? null : Number(match[1]), total: match[2] === '*' ? null : Number(match[2]) };
}

async function answerOf(response: Response): Promise<ApiAnswer> {
  const text = await response.text().catch(() => '');
  let body: unknown = text === '' ? null : text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, headers: response.headers, body };
}

export async function fetchInto(target: RequestTarget, part: string, resumeAt: number, expect: Expectation): Promise<void> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const idle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), target.idleTimeoutMs);
  };
  const headers: Record<string, string> = { authorization: `Bearer ${target.token}`, accept: '*/*' };
  if (resumeAt > 0) headers.range = `bytes=${resumeAt}-`;
  idle();
  try {
    let response: Response;
    try {
      response = await target.fetch(target.url, { method: 'GET', headers, signal: controller.signal });
    } catch (error) {
      throw new Interrupted(reason(error, controller.signal, target.idleTimeoutMs));
    }
    let start = 0;
    let total: number | null = null;
    const length = response.headers.get('content-length');
    if (response.status === 206) {
      const range = contentRange(response.headers.get('content-range'));
      // A range that starts past what we have would leave a hole: take the file from the start.
      if (range.start === null || range.start > resumeAt) {
        await response.body?.cancel();
        await fs.rm(part, { force: true });
        throw new Interrupted('the server sent a part of the file that does not follow what had arrived');
      }
      start = range.start;
      total = range.total;
    } else if (response.status === 416 && resumeAt > 0) {
      await response.body?.cancel();
      // Asked for bytes past the end: either everything is here already, or the part is wrong.
      if (contentRange(response.headers.get('content-range')).total === resumeAt) return;
      await fs.rm(part, { force: true });
      throw new Interrupted('the part already downloaded was longer than the file');
    } else if (response.status >= 200 && response.status < 300) {
      total = length === null ? null : Number(length);
    } else {
      const answer = await answerOf(response);
      if (verdictOf(answer).kind === 'retry') throw new Interrupted(`the server answered ${response.status}`);
      throw new Refused(answer);
    }
    if (expect.size !== undefined && total !== null && total !== expect.size) {
      await response.body?.cancel();
      throw expect.mismatch();
    }
    await receive(response, part, start, total, expect, idle, (error) => reason(error, controller.signal, target.idleTimeoutMs));
  } finally {
    clearTimeout(timer);
  }
}

async function receive(
  response: Response,
  part: string,
  start: number,
  total: number | null,
  expect: Expectation,
  idle: () => void,
  describe: (error: unknown) => string,
): Promise<void> {
  const where = path.dirname(part);
  if (!response.body) throw new Interrupted('the answer had no body');
  const chunks = response.body[Symbol.asyncIterator]();
  const handle = await writing(where, () => fs.open(part, start > 0 ? 'r+' : 'w'));
  let position = start;
  try {
    // 'w' already emptied the file; a resume drops whatever lies past where the answer begins.
    if (start > 0) await handle.truncate(start);
    for (;;) {
      // Only reading the answer is the network; a failed write is the disk's, and says so.
      let next: IteratorResult<Uint8Array>;
      try {
        next = await chunks.next();
      } catch (error) {
        throw new Interrupted(describe(error));
      }
      if (next.done) break;
      idle();
      const chunk = next.value;
      if (expect.size !== undefined && position + chunk.byteLength > expect.size) throw expect.mismatch();
      await writing(where, () => handle.write(chunk, 0, chunk.byteLength, position));
      position += chunk.byteLength;
      expect.onProgress?.(position, total);
    }
  } catch (error) {
    // Stop reading the answer so its connection is let go; after a failure that can fail too.
    await chunks.return?.(undefined).catch(() => undefined);
    throw error;
  } finally {
    await handle.close();
  }
  if (total !== null && position !== total) throw new Interrupted('the connection ended before the whole file arrived');
}

function reason(error: unknown, signal: AbortSignal | null, idleMs: number): string {
  if (signal?.aborted || (error as { name?: string })?.name === 'AbortError') return `no data for ${Math.round(idleMs / 1000)} s`;
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}
