// GPS position from the EXIF GPS IFD (degrees/minutes/seconds + hemisphere letters), or from
// XMP, where Lightroom writes "52,13.0833N" for files whose EXIF it does not touch.
import { asNumber, asText } from './xmp-fields';

export interface Gps {
  latitude: number;
  longitude: number;
  /** Metres above sea level (negative below), when recorded. */
  altitude: number | null;
}

export function pickGps(gps: Record<string, unknown>, fromXmp: (name: string) => unknown): Gps | null {
  const latitude = exifCoordinate(gps.GPSLatitude, gps.GPSLatitudeRef) ?? xmpCoordinate(fromXmp('GPSLatitude'));
  const longitude = exifCoordinate(gps.GPSLongitude, gps.GPSLongitudeRef) ?? xmpCoordinate(fromXmp('GPSLongitude'));
  if (latitude === null || longitude === null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  // Cameras without a fix write 0/0; no photographer shoots at Null Island.
  if (latitude === 0 && longitude === 0) return null;
  const height = asNumber(gps.GPSAltitude) ?? asNumber(fromXmp('GPSAltitude'));
  const ref = gps.GPSAltitudeRef ?? fromXmp('GPSAltitudeRef');
  const below = ref instanceof Uint8Array ? ref[0] === 1 : asNumber(ref) === 1;
  return { latitude, longitude, altitude: height === null ? null : below ? -height : height };
}

function exifCoordinate(value: unknown, ref: unknown): number | null {
  const parts = Array.isArray(value) || ArrayBuffer.isView(value) ? Array.from(value as ArrayLike<number>) : [value];
  const [d, m = 0, s = 0] = parts.map(asNumber);
  if (d === null || d === undefined || m === null || s === null) return null;
  const hemisphere = asText(ref)?.toUpperCase();
  if (!hemisphere || !'NSEW'.includes(hemisphere)) return null;
  const degrees = d + m / 60 + s / 3600;
  return hemisphere === 'S' || hemisphere === 'W' ? -degrees : degrees;
}

function xmpCoordinate(value: unknown): number | null {
  const m = /^\s*(\d+),(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?([NSEW])\s*$/i.exec(asText(value) ?? '');
  if (!m) return null;
  const degrees = Number(m[1]) + Number(m[2]) / 60 + Number(m[3] ?? 0) / 3600;
  return /[SW]/i.test(m[4] ?? '') ? -degrees : degrees;
}
