import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseXmp, xmpValue } from '../imaging/xmp-fields';
import { sharedImagesDir } from './test-support';
import { mergeRatingLabel, NotXmpError, newSidecarText, readRatingLabel, XAP_NS } from './xmp-merge';

const lightroomSidecar = readFileSync(path.join(sharedImagesDir, 'sidecar-IMG_5910.xmp'), 'utf8');

/** The text with the given xmp:Rating / xmp:Label attribute values put back, to compare the rest byte for byte. */
function only(text: string, edits: [string, string][]): string {
  let out = text;
  for (const [from, to] of edits) {
    expect(out).toContain(from);
    out = out.replace(from, to);
  }
  return out;
}

describe('mergeRatingLabel on a Lightroom sidecar (attribute form)', () => {
  test('replaces xmp:Rating in place, adds xmp:Label after the last attribute, nothing else changes', () => {
    const { text, changed } = mergeRatingLabel(lightroomSidecar, { rating: 5, label: 'Green' });
    expect(changed).toBe(true);
    expect(readRatingLabel(text)).toEqual({ Rating: '5', Label: 'Green' });
    expect(text).toBe(
      only(lightroomSidecar, [
        ['xmp:Rating="3"', 'xmp:Rating="5"'],
        ['MicrosoftPhoto:Rating="50">', 'MicrosoftPhoto:Rating="50" xmp:Label="Green">'],
      ]),
    );
  });

  test('the repo’s own XMP reader sees the new values and the foreign fields', async () => {
    const { text } = mergeRatingLabel(lightroomSidecar, { rating: 1, label: 'Purple' });
    const xmp = await parseXmp(text);
    expect(Number(xmpValue(xmp, XAP_NS, 'Rating'))).toBe(1);
    expect(xmpValue(xmp, XAP_NS, 'Label')).toBe('Purple');
    expect(Number(xmpValue(xmp, 'http://ns.adobe.com/camera-raw-settings/1.0/', 'Exposure2012'))).toBe(0.12);
  });

  test('same values again: unchanged', () => {
    const once = mergeRatingLabel(lightroomSidecar, { rating: 5, label: 'Green' }).text;
    expect(mergeRatingLabel(once, { rating: 5, label: 'Green' })).toEqual({ text: once, changed: false });
    expect(mergeRatingLabel(lightroomSidecar, {})).toEqual({ text: lightroomSidecar, changed: false });
  });

  test('only the label: the rating stays 3', () => {
    const { text } = mergeRatingLabel(lightroomSidecar, { label: 'Red' });
    expect(readRatingLabel(text)).toEqual({ Rating: '3', Label: 'Red' });
  });
});

describe('mergeRatingLabel on element form (as exiftool writes, one Description per namespace)', () => {
  const exiftoolStyle = [
    "<?xpacket begin='\uFEFF' id='W5M0MpCehiHzreSzNTczkc9d'?>",
    "<x:xmpmeta xmlns:x='adobe:ns:meta/' x:xmptk='Image::ExifTool 12.57'>",
    "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>",
    '',
    " <rdf:Description rdf:about=''",
    "  xmlns:dc='http://purl.org/dc/elements/1.1/'>",
    '  <dc:creator><rdf:Seq><rdf:li>Anna &amp; Piotr</rdf:li></rdf:Seq></dc:creator>',
    ' </rdf:Description>',
    '',
    " <rdf:Description rdf:about=''",
    "  xmlns:xap='http://ns.adobe.com/xap/1.0/'>",
    '  <xap:Rating>2</xap:Rating>',
    '  <!-- a comment with <xap:Label>not this</xap:Label> -->',
    ' </rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    "<?xpacket end='w'?>",
  ].join('\n');

  test('replaces the element’s text, adds the label to the Description that speaks the namespace, under its prefix', () => {
    const { text } = mergeRatingLabel(exiftoolStyle, { rating: 4, label: 'Blue' });
    expect(text).toBe(
      only(exiftoolStyle, [
        ['<xap:Rating>2</xap:Rating>', '<xap:Rating>4</xap:Rating>'],
        ["  xmlns:xap='http://ns.adobe.com/xap/1.0/'>", '  xmlns:xap=\'http://ns.adobe.com/xap/1.0/\'\n  xap:Label="Blue">'],
      ]),
    );
    expect(readRatingLabel(text)).toEqual({ Rating: '4', Label: 'Blue' });
  });

  test('no xmp namespace anywhere: declared on the first Description', () => {
    const noXmp = exiftoolStyle.replace(/\n <rdf:Description rdf:about=''\n {2}xmlns:xap=[\s\S]*?<\/rdf:Description>/, '');
    const { text } = mergeRatingLabel(noXmp, { rating: 3 });
    expect(text).toContain(
      '  xmlns:dc=\'http://purl.org/dc/elements/1.1/\'\n  xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n  xmp:Rating="3">',
    );
    expect(text).toContain('Anna &amp; Piotr');
  });

  test('an empty rdf:RDF gets a Description; a value is escaped', () => {
    const empty =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF></x:xmpmeta>';
    const { text } = mergeRatingLabel(empty, { rating: 0, label: 'Red & "Blue"' });
    expect(text).toBe(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:Rating="0" xmp:Label="Red &amp; &quot;Blue&quot;"/>' +
        '</rdf:RDF></x:xmpmeta>',
    );
    expect(readRatingLabel(text)).toEqual({ Rating: '0', Label: 'Red & "Blue"' });
  });
});

describe('what is not an XMP sidecar is refused', () => {
  test.each([
    ['plain text', 'rating: 5\n', 'it holds no XML at all'],
    ['HTML', '<html><body>hi</body></html>', 'it has no rdf:RDF element'],
    ['broken XML', '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF>', 'it is not well-formed XML (<rdf:RDF> is never closed)'],
    [
      'a DOCTYPE',
      '<!DOCTYPE x [<!ENTITY a "b">]><x/>',
      'it is not well-formed XML (it has a document type declaration, which XMP never has)',
    ],
  ])('%s', (_what, text, reason) => {
    expect(() => mergeRatingLabel(text, { rating: 1 })).toThrow(NotXmpError);
    expect(() => mergeRatingLabel(text, { rating: 1 })).toThrow(reason);
  });

  test('a rating outside 0–5 is a programming error', () => {
    expect(() => mergeRatingLabel(lightroomSidecar, { rating: 6 })).toThrow(RangeError);
  });
});

test('a new sidecar reads back', async () => {
  const text = newSidecarText({ rating: 4, label: 'Yellow' });
  expect(readRatingLabel(text)).toEqual({ Rating: '4', Label: 'Yellow' });
  expect(xmpValue(await parseXmp(text), XAP_NS, 'Label')).toBe('Yellow');
});
