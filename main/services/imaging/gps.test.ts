import { describe, expect, test } from 'vitest';
import { pickGps } from './gps';

const noXmp = () => undefined;

describe('pickGps', () => {
  test('EXIF degrees/minutes/seconds with hemisphere letters', () => {
    const gps = pickGps({ GPSLatitude: [33, 51, 36], GPSLatitudeRef: 'S', GPSLongitude: [151, 12, 0], GPSLongitudeRef: 'E' }, noXmp);
    expect(gps?.latitude).toBeCloseTo(-33.86, 6);
    expect(gps?.longitude).toBeCloseTo(151.2, 6);
    expect(gps?.altitude).toBeNull();
  });

  test('XMP "DDD,MM.mmmk" as Lightroom writes it in sidecars', () => {
    const xmp: Record<string, string> = { GPSLatitude: '52,13.0833N', GPSLongitude: '21,0.7W', GPSAltitude: '120/1' };
    const gps = pickGps({}, (name) => xmp[name]);
    expect(gps?.latitude).toBeCloseTo(52.218055, 5);
    expect(gps?.longitude).toBeCloseTo(-0.011667 - 21, 5);
    expect(gps?.altitude).toBe(120);
  });

  test('no fix (0/0), no hemisphere, or out of range → null', () => {
    expect(pickGps({ GPSLatitude: [0, 0, 0], GPSLatitudeRef: 'N', GPSLongitude: [0, 0, 0], GPSLongitudeRef: 'E' }, noXmp)).toBeNull();
    expect(pickGps({ GPSLatitude: [52, 0, 0], GPSLongitude: [21, 0, 0] }, noXmp)).toBeNull();
    expect(pickGps({ GPSLatitude: [95, 0, 0], GPSLatitudeRef: 'N', GPSLongitude: [1, 0, 0], GPSLongitudeRef: 'E' }, noXmp)).toBeNull();
  });
});
