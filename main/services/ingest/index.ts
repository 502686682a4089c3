export { createIngestService, type IngestEvents, type IngestOptions, type IngestService, type ShootProgress } from './ingest-service';
export { type Imaging, imaging } from './imaging-port';
export { isImagePath, isRawPath } from './image-files';
