import { describe, expect, test } from 'vitest';
import { pickCaptureTime } from './capture-time';

describe('pickCaptureTime', () => {
  test('EXIF DateTimeOriginal + SubSec + OffsetTimeOriginal (EXIF 2.31)', () => {
    expect(pickCaptureTime({ exifOriginal: '2026:06:14 16:02:11', exifSubSec: '25', exifOffset: '+02:00' })).toEqual({
      local: '2026-06-14T16:02:11.25',
      offset: '+02:00',
      source: 'exif',
    });
  });

  test('without an offset anywhere, the local time stays local (no invented zone)', () => {
    expect(pickCaptureTime({ exifOriginal: '2026:06:14 16:02:11' })).toEqual({
      local: '2026-06-14T16:02:11',
      offset: null,
      source: 'exif',
    });
  });

  test('an XMP date for the same moment lends its offset, never a different moment', () => {
    const same = pickCaptureTime({ exifOriginal: '2026:06:14 16:02:11', xmpDates: ['2026-06-14T16:02:11-05:00'] });
    expect(same?.offset).toBe('-05:00');
    const other = pickCaptureTime({ exifOriginal: '2026:06:14 16:02:11', xmpDates: ['2026-06-14T14:02:11Z'] });
    expect(other).toEqual({ local: '2026-06-14T16:02:11', offset: null, source: 'exif' });
  });

  test('an unset camera clock (0000:00:00) falls through to the next source', () => {
    expect(pickCaptureTime({ exifOriginal: '0000:00:00 00:00:00', xmpDates: [undefined, '2015-06-11T10:29:26.69'] })).toEqual({
      local: '2015-06-11T10:29:26.69',
      offset: null,
      source: 'xmp',
    });
  });

  test('XMP "Z" means UTC; a date without a time is not a capture time', () => {
    expect(pickCaptureTime({ xmpDates: ['2020-01-02T03:04:05Z'] })?.offset).toBe('+00:00');
    expect(pickCaptureTime({ xmpDates: ['2020-01-02'] })).toBeNull();
  });

  test('EXIF digitized time, then IPTC date + time', () => {
    expect(pickCaptureTime({ exifDigitized: '2019:10:26 16:07:24', exifDigitizedOffset: '+0100' })).toEqual({
      local: '2019-10-26T16:07:24',
      offset: '+01:00',
      source: 'exif',
    });
    expect(pickCaptureTime({ iptcDate: '20081219', iptcTime: '190611+0000' })).toEqual({
      local: '2008-12-19T19:06:11',
      offset: '+00:00',
      source: 'iptc',
    });
  });

  test('nothing usable → null', () => {
    expect(pickCaptureTime({ exifOriginal: 'garbage', exifOffset: '+99:00', iptcDate: '2008' })).toBeNull();
  });
});
