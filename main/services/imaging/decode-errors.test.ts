import { describe, expect, test } from 'vitest';
import { describeDecodeError } from './decode-errors';

describe('describeDecodeError', () => {
  test.each([
    ['Input image exceeds pixel limit', 'unsupported', /larger than 200 megapixels/],
    ['heif: Error while loading plugin: Support for this compression format has not been built in: HEVC', 'unsupported', /HEVC decoder/],
    ['file.heic: bad seek to 293640\nheif: … HEVC (a suitable decoder plugin is libde265)', 'unsupported', /HEVC decoder/],
    ['VipsJpeg: premature end of JPEG image', 'invalid_input', /cut short/],
    ['tiff2vips: read error', 'invalid_input', /damaged and cannot be read/],
  ])('%s → %s', (message, code, text) => {
    const error = describeDecodeError(new Error(message), 200_000_000);
    expect(error).toMatchObject({ code, message: expect.stringMatching(text) });
    expect((error.cause as Error).message).toBe(message); // the technical detail is kept for the log
  });
});
