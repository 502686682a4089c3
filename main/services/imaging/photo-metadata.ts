// What the catalog needs to know about a photo, from EXIF, IPTC and XMP inside the file and
// from an XMP sidecar next to it. The sidecar wins where both speak: it is where Lightroom,
// Capture One and Photo Mechanic write ratings, labels and keywords for RAW files.
import { promises as fs } from 'node:fs';
import { isAppError } from '../../../shared/errors';
import { type CaptureTime, pickCaptureTime } from './capture-time';
import { detectFormat } from './detect-format';
import { type EmbeddedMetadata, readEmbeddedMetadata } from './embedded-metadata';
import { type Gps, pickGps } from './gps';
import { imagingErrors } from './imaging-errors';
import { findSidecar } from './sidecar';
import { asList, asNumber, asText, NS, parseXmp, type XmpData, xmpValue } from './xmp-fields';

export interface PhotoMetadata {
  captureTime: CaptureTime | null;
  make: string | null;
  model: string | null;
  lens: string | null;
  /** Seconds (1/250 s → 0.004). */
  exposureTime: number | null;
  /** The f-number (5.6). */
  aperture: number | null;
  iso: number | null;
  /** Millimetres, as set on the lens (not the 35 mm equivalent). */
  focalLength: number | null;
  gps: Gps | null;
  /** XMP rating: -1 (rejected) or 0–5. */
  rating: number | null;
  label: string | null;
  keywords: string[];
  creator: string | null;
  copyright: string | null;
  /** The XMP sidecar that was read, if one was found. */
  sidecarPath: string | null;
}

export async function readPhotoMetadata(filePath: string): Promise<PhotoMetadata> {
  const format = await detectFormat(filePath);
  let embedded: EmbeddedMetadata;
  let sidecar: XmpData | null = null;
  const sidecarPath = await findSidecar(filePath);
  try {
    embedded = await readEmbeddedMetadata(filePath, format);
    if (sidecarPath) sidecar = await parseXmp(await fs.readFile(sidecarPath));
  } catch (error) {
    throw isAppError(error) ? error : imagingErrors.metadataDamaged(error);
  }
  return assemble(embedded, sidecar, sidecarPath);
}

function assemble({ ifd0, exif, gps, iptc, xmp }: EmbeddedMetadata, sidecar: XmpData | null, sidecarPath: string | null): PhotoMetadata {
  // Sidecar first, then the XMP in the file: one lookup for "the XMP value of this field".
  const fromXmp = (ns: string, name: string) => xmpValue(sidecar, ns, name) ?? xmpValue(xmp, ns, name);
  const text = (...values: unknown[]) => firstOf(values, asText);
  const number = (...values: unknown[]) => firstOf(values, asNumber);
  const rating = number(fromXmp(NS.xmp, 'Rating'), ifd0.Rating);
  const sidecarKeywords = asList(xmpValue(sidecar, NS.dc, 'subject'));
  return {
    captureTime: pickCaptureTime({
      exifOriginal: exif.DateTimeOriginal,
      exifSubSec: exif.SubSecTimeOriginal,
      exifOffset: exif.OffsetTimeOriginal,
      exifDigitized: exif.CreateDate ?? exif.DateTimeDigitized,
      exifDigitizedOffset: exif.OffsetTimeDigitized,
      xmpDates: [fromXmp(NS.exif, 'DateTimeOriginal'), fromXmp(NS.photoshop, 'DateCreated'), fromXmp(NS.xmp, 'CreateDate')],
      iptcDate: iptc.DateCreated,
      iptcTime: iptc.TimeCreated,
    }),
    make: text(ifd0.Make, fromXmp(NS.tiff, 'Make')),
    model: text(ifd0.Model, fromXmp(NS.tiff, 'Model')),
    lens: text(exif.LensModel, fromXmp(NS.exifEX, 'LensModel'), fromXmp(NS.aux, 'Lens')),
    exposureTime: number(exif.ExposureTime, fromXmp(NS.exif, 'ExposureTime')),
    aperture: number(exif.FNumber, fromXmp(NS.exif, 'FNumber')),
    iso: number(exif.ISO, exif.ISOSpeedRatings, exif.PhotographicSensitivity, fromXmp(NS.exif, 'ISOSpeedRatings')),
    focalLength: number(exif.FocalLength, fromXmp(NS.exif, 'FocalLength')),
    gps: pickGps(gps, (name) => fromXmp(NS.exif, name)),
    rating: rating !== null && Number.isInteger(rating) && rating >= -1 && rating <= 5 ? rating : null,
    label: text(fromXmp(NS.xmp, 'Label')),
    keywords: sidecarKeywords.length ? sidecarKeywords : unique([...asList(xmpValue(xmp, NS.dc, 'subject')), ...asList(iptc.Keywords)]),
    creator:
      joinedList(xmpValue(sidecar, NS.dc, 'creator')) ?? joinedList(xmpValue(xmp, NS.dc, 'creator')) ?? text(iptc.Byline, ifd0.Artist),
    copyright: text(xmpValue(sidecar, NS.dc, 'rights'), xmpValue(xmp, NS.dc, 'rights'), iptc.CopyrightNotice, ifd0.Copyright),
    sidecarPath,
  };
}

function firstOf<T>(values: unknown[], convert: (v: unknown) => T | null): T | null {
  for (const v of values) {
    const converted = convert(v);
    if (converted !== null) return converted;
  }
  return null;
}

function joinedList(value: unknown): string | null {
  const items = asList(value);
  return items.length ? items.join('; ') : null;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
