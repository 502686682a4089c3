export { isImagePath, isRawPath } from './image-files';
export { type Imaging, imaging } from './imaging-port';
export { createIngestService, type IngestEvents, type IngestOptions, type IngestService, type ShootProgress } from './ingest-service';
