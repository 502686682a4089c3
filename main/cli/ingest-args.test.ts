import { describe, expect, it } from 'vitest';
import { parseIngestArgs } from './ingest-args';

describe('ingest command line', () => {
  it('resolves the folder and the library against the working folder', () => {
    expect(parseIngestArgs(['card', '--library', '../Studio', '--watch'], '/home/anna/shoots')).toEqual({
      folder: '/home/anna/shoots/card',
      library: '/home/anna/Studio',
      watch: true,
      root: false,
    });
    expect(parseIngestArgs(['--root', '-l', '/lib', '/mnt/Shoots 2026'])).toMatchObject({
      folder: '/mnt/Shoots 2026',
      library: '/lib',
      root: true,
    });
    expect(parseIngestArgs(['--help'])).toBeNull();
  });

  it('explains a wrong command line and shows the usage', () => {
    for (const argv of [[], ['a', 'b', '--library', 'x'], ['a'], ['a', '--library', 'x', '--wtach'], ['a', '--library']]) {
      expect(() => parseIngestArgs(argv), argv.join(' ')).toThrow(
        expect.objectContaining({ code: 'invalid_input', message: expect.stringContaining('Usage: npm run ingest') }),
      );
    }
  });
});
