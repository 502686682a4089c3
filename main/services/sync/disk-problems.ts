// A failed write on this computer as a sentence saying what to do: the disk is full, or the folder
// may not be written. A raw "ENOSPC: no space left on device, write" tells a photographer nothing.
import { AppError } from '../../../shared/errors';

const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const NOT_ALLOWED = new Set(['EACCES', 'EPERM', 'EROFS']);

/** `where`: the folder being written, as the user would recognise it. Null when the error is not a disk problem. */
export function diskProblem(error: unknown, where: string): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (FULL.has(code))
    return new AppError(
      'io_error',
      `The disk that holds ${where} is full. Free some space there (or choose another folder), then try again.`,
    );
  if (NOT_ALLOWED.has(code))
    return new AppError(
      'io_error',
      `Proofdesk may not write in ${where}. Choose another folder, or allow writing there (a locked or read-only drive?), then try again.`,
    );
  return null;
}

/** Runs a write; a disk problem becomes its sentence, anything else is thrown as it is. */
export async function writing<T>(where: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw diskProblem(error, where) ?? error;
  }
}
