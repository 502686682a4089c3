// Content-Disposition for a download (RFC 6266): `filename*` in UTF-8 (RFC 5987 percent-encoding)
// for browsers, which all read it, and an ASCII `filename` for the rest, with what ASCII cannot say
// replaced. Neither can carry a quote, a backslash, a line break or a folder.
export function attachment(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is taken out
  const safe = name.replace(/[\\/]/g, '_').replace(/[\u0000-\u001f\u007f]/g, '');
  const ascii = safe
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
  // encodeURIComponent leaves !'()* alone; RFC 5987's attr-char does not allow ' ( ) *.
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
