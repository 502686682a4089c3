// What ingest needs from the imaging service, as one object so the CLI, the app and the
// benchmarks all pass the same real implementation (and nothing else).
import { fingerprint, makeVariants, readPhotoMetadata } from '../imaging';

export const imaging = { fingerprint, makeVariants, readPhotoMetadata };
export type Imaging = typeof imaging;
