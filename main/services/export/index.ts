// Export of a client's selection for the photographer's editor. Pure Node; the caller builds the
// photo list from the catalog and chooses folders; nothing here reads the catalog.
export { buildSelection, type Selection, type SelectionPhoto, type SelectionSource } from './build-selection';
export { type CaptureOnePlan, captureOnePlan } from './capture-one';
export { type CopyFileResult, type CopyOriginalsRequest, type CopyOriginalsResult, type CopyStatus, copyOriginals } from './copy-originals';
export { csvColumns, csvField, plainList, selectionCsv } from './csv';
export { type ExportTarget, exportTarget, exportTargets, fillStep, type Step } from './export-targets';
export {
  lightroomFilterText,
  lightroomSmartCollection,
  type PrefixWarning,
  prefixRemedy,
  prefixWarnings,
  type SmartCollectionOptions,
  smartCollectionFileName,
} from './lightroom';
export { naturalCompare, stemOf, uniqueNatural } from './names';
export { photoMechanicPlan, photoMechanicPlusQuery } from './photo-mechanic';
export { placeNoClobber, writeTemp } from './safe-write';
export { lightroomLabelNames, mergeRatingLabel, NotXmpError, newSidecarText, readRatingLabel } from './xmp-merge';
export {
  planSidecars,
  type SidecarChoice,
  type SidecarItem,
  type SidecarResult,
  type SidecarStatus,
  type WriteSidecarsOptions,
  writeXmpSidecars,
} from './xmp-sidecars';
