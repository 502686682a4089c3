// Capture One: no documented way to paste a list of file names was found (see SOURCES.md), so
// the selection goes in as XMP sidecars with a colour label, which Capture One reads from the
// sidecars next to RAW files, and is then one click in the Filters tool. Photos that exist
// only as JPEG cannot carry a sidecar label; they are named so the user can copy them instead.
import type { ColorLabel } from '../../../shared/schemas/photos';
import type { Selection } from './build-selection';
import { plainList } from './csv';
import { planSidecars, type SidecarChoice } from './xmp-sidecars';

export interface CaptureOnePlan {
  /** The label to write and then tick in Capture One's Filters tool. */
  label: ColorLabel;
  sidecars: ReturnType<typeof planSidecars>;
  /** Names of photos without a RAW file (not reachable by a sidecar label). */
  jpegOnly: string[];
  /** One file name a line, to check the result against. */
  list: string;
}

export function captureOnePlan(selection: Selection, label: ColorLabel = 'green'): CaptureOnePlan {
  const choice: SidecarChoice = { rating: 'keep', label };
  const sidecars = planSidecars(selection.photos, choice);
  const jpegOnly = selection.photos.filter((p) => !p.files.some((f) => f.role === 'raw')).map((p) => p.name);
  return { label, sidecars, jpegOnly, list: plainList(selection.photos) };
}
