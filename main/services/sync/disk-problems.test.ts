// The sentences for a failed write. A real full disk is met in download-file.test.ts (/dev/full);
// a folder that may not be written cannot be made for tests run as root, so its errno is given here.
import { describe, expect, it } from 'vitest';
import { diskProblem, writing } from './disk-problems';

const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

describe('diskProblem', () => {
  it('says what to do for a full disk and a folder that may not be written', () => {
    expect(diskProblem(errno('ENOSPC'), '/Volumes/Work/Out')?.message).toBe(
      'The disk that holds /Volumes/Work/Out is full. Free some space there (or choose another folder), then try again.',
    );
    for (const code of ['EACCES', 'EPERM', 'EROFS'])
      expect(diskProblem(errno(code), '/Out')).toMatchObject({
        code: 'io_error',
        message: expect.stringMatching(/^Proofdesk may not write in \/Out\./),
      });
  });

  it('leaves other errors as they are', async () => {
    expect(diskProblem(errno('ENOENT'), '/Out')).toBeNull();
    expect(diskProblem(new Error('plain'), '/Out')).toBeNull();
    const other = errno('EIO');
    await expect(writing('/Out', () => Promise.reject(other))).rejects.toBe(other);
    await expect(writing('/Out', () => Promise.reject(errno('EDQUOT')))).rejects.toMatchObject({ code: 'io_error' });
  });
});
