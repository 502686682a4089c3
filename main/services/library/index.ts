export { createLibraryService, LIBRARY_SUBFOLDERS, type LibraryService } from './library-service';
export { readManifest } from './manifest';
