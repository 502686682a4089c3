import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freeName, numbered, savableName } from './file-names';

describe('file names', () => {
  it('makes a name every system can save', () => {
    expect(savableName('IMG_0412.CR3')).toBe('IMG_0412.CR3');
    expect(savableName('Ślub: Anna? "final".jpg')).toBe('Ślub_ Anna_ _final_.jpg');
    expect(savableName('a/b\\c.jpg')).toBe('a_b_c.jpg');
    expect(savableName('trailing. ')).toBe('trailing');
    expect(savableName('..')).toBe('original');
  });

  it('numbers from (2), before the extension', () => {
    expect(numbered('IMG_1.jpg', 1)).toBe('IMG_1.jpg');
    expect(numbered('IMG_1.jpg', 3)).toBe('IMG_1 (3).jpg');
    expect(numbered('README', 2)).toBe('README (2)');
  });

  it('takes the first name free on disk and in the batch (case-blind)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pd-names-'));
    writeFileSync(path.join(dir, 'IMG_1.jpg'), '');
    const taken = new Set<string>();
    expect(freeName(dir, 'IMG_1.jpg', taken)).toBe('IMG_1 (2).jpg');
    expect(freeName(dir, 'img_1 (2).JPG', taken)).toBe('img_1 (2) (2).JPG');
    expect(freeName(null, 'IMG_1.jpg', taken)).toBe('IMG_1.jpg');
    expect(freeName(null, 'IMG_1.jpg', taken)).toBe('IMG_1 (3).jpg');
  });
});
