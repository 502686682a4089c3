// The retouch queue on this laptop (issue 7): see README.md. The review images and the difference
// overlay are made by ./diff, the originals travel through ./originals.
export type { Differ, DiffResult, Me, OriginalsPort, PreparedImage, PrepareReviewImage } from './ports';
export { LEASE_MINUTES, retouchTopic } from './retouch-requests';
export { createRetouchService, type RetouchService, type RetouchServiceOptions } from './retouch-service';
