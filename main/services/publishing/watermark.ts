// The proof watermark: the studio's name repeated diagonally across the picture, light with a
// thin dark edge so it reads on bright skies and dark suits alike. Drawn as SVG at the proof's
// own size, so it is crisp at any resolution; the clean web variant is never touched.
export interface WatermarkOptions {
  text: string;
  width: number;
  height: number;
  /** 0–1; 0.35 keeps the picture judgeable while making a screenshot useless for print. */
  opacity?: number;
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);

export function watermarkSvg({ text, width, height, opacity = 0.35 }: WatermarkOptions): Buffer {
  const fontSize = Math.max(14, Math.round(Math.min(width, height) / 14));
  const cellW = Math.round(fontSize * Math.max(6, text.length * 0.75));
  const cellH = Math.round(fontSize * 4);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <defs>
    <pattern id="w" width="${cellW}" height="${cellH}" patternUnits="userSpaceOnUse" patternTransform="rotate(-30)">
      <text x="0" y="${fontSize}" font-family="Helvetica, Arial, sans-serif" font-size="${fontSize}" font-weight="600"
        fill="#ffffff" fill-opacity="${opacity}" stroke="#000000" stroke-opacity="${opacity * 0.5}" stroke-width="${Math.max(1, fontSize / 28)}">${escapeXml(text)}</text>
    </pattern>
  </defs>
  <rect width="100%" height="100%" fill="url(#w)"/>
</svg>`;
  return Buffer.from(svg);
}
