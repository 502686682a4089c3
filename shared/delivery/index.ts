// Delivery by drag and drop: dropped files matched to the ordered photos by name (see README.md).
export * from './edit-suffixes';
export * from './file-names';
export * from './match-files';
export * from './match-texts';
export * from './near-stem';
