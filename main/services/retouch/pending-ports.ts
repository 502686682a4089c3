// Stand-ins until ./originals and ./diff are wired in (they are built alongside): every use says
// what is not available yet instead of failing obscurely. Removed when the session wires the real ones.
import { AppError } from '../../../shared/errors';
import type { Differ, OriginalsPort, PrepareReviewImage } from './ports';

const notYet = (what: string) => new AppError('unsupported', `${what} is not available in this build of Proofdesk yet.`);

export const pendingOriginals: OriginalsPort = {
  offer: () => {},
  localFile: async () => ({ missing: 'Fetching originals is not available in this build of Proofdesk yet.' }),
  knownPath: () => null,
  fetchFile: async () => {
    throw notYet('Fetching files of the retouch queue');
  },
  saveBatch: async () => {
    throw notYet('Downloading originals');
  },
};

export const pendingPrepare: PrepareReviewImage = async () => {
  throw notYet('Preparing review images');
};

export const pendingDiffer = (): Differ => ({
  diff: async () => {
    throw notYet('The difference overlay');
  },
  close: () => {},
});
