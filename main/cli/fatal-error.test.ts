import { expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { describeFatal } from './fatal-error';

it('prints our own errors as they are, anything else in words, and a stack only when asked', () => {
  expect(describeFatal(new AppError('conflict', 'This library is open in Proofdesk (process 7).'), {})).toBe(
    'This library is open in Proofdesk (process 7).',
  );
  const surprise = new Error('EACCES: permission denied, open /lib/catalog.sqlite');
  expect(describeFatal(surprise, {})).toMatch(
    /^The import stopped because of an unexpected problem: EACCES: permission denied, open \/lib\/catalog\.sqlite\. Nothing was lost/,
  );
  expect(describeFatal(surprise, {})).not.toContain('\n');
  expect(describeFatal(surprise, { PROOFDESK_DEBUG: '1' })).toContain('fatal-error.test.ts');
});
