// Set xmp:Rating and xmp:Label in an XMP sidecar's text, changing nothing else: an existing
// value is replaced where it stands (attribute form `xmp:Rating="3"` or element form
// `<xmp:Rating>3</xmp:Rating>`, both occur in real files), a missing one is added as an
// attribute of an rdf:Description. Every other byte of the file stays as it was.
import { type Element, prefixFor, scanXml, walk, XmlScanError } from './xml-scan';

export const XAP_NS = 'http://ns.adobe.com/xap/1.0/';
const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const META_NS = 'adobe:ns:meta/';

/** Lightroom Classic's default label set; Bridge, Capture One and Photo Mechanic read the same words. */
export const lightroomLabelNames = { red: 'Red', yellow: 'Yellow', green: 'Green', blue: 'Blue', purple: 'Purple' } as const;

export interface RatingLabel {
  /** 0–5 stars; undefined leaves the file's rating alone. */
  rating?: number;
  /** The label text as Lightroom writes it ("Red"); undefined leaves the file's label alone. */
  label?: string;
}

/** The sidecar is not something we may edit; `reason` finishes the sentence "… is not an XMP sidecar: <reason>". */
export class NotXmpError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'NotXmpError';
  }
}

type Prop = 'Rating' | 'Label';
interface Edit {
  at: number;
  end: number;
  text: string;
}

export function mergeRatingLabel(text: string, values: RatingLabel): { text: string; changed: boolean } {
  const wanted = wantedValues(values);
  if (wanted.length === 0) return { text, changed: false };
  const { rdf, descriptions } = locate(text);
  const edits: Edit[] = [];
  const missing: [Prop, string][] = [];
  for (const [prop, value] of wanted) {
    const found = edits.length;
    for (const d of descriptions) edits.push(...replaceIn(text, d, prop, value));
    if (edits.length === found) missing.push([prop, value]);
  }
  if (missing.length) edits.push(insertion(text, rdf, descriptions, missing));
  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  // Read what we wrote back: a merge that does not parse, or says something else, is not written.
  const check = readRatingLabel(out);
  for (const [prop, value] of wanted) {
    if (check[prop] !== value) throw new Error(`Setting xmp:${prop} did not work (read back ${String(check[prop])}).`);
  }
  return { text: out, changed: out !== text };
}

/** The xmp:Rating and xmp:Label a sidecar says (first occurrence of each), as text. */
export function readRatingLabel(text: string): Partial<Record<Prop, string>> {
  const { descriptions } = locate(text);
  const out: Partial<Record<Prop, string>> = {};
  for (const d of descriptions) {
    for (const prop of ['Rating', 'Label'] as const) {
      if (out[prop] !== undefined) continue;
      const attr = d.attrs.find((a) => a.ns === XAP_NS && a.local === prop);
      if (attr) out[prop] = unescapeXml(text.slice(attr.valueStart, attr.valueEnd));
      const child = d.children.find((c) => c.ns === XAP_NS && c.local === prop);
      if (!attr && child) out[prop] = unescapeXml(text.slice(child.contentStart, child.contentEnd)).trim();
    }
  }
  return out;
}

/** A new sidecar holding only the rating and label, in the shape Adobe's XMP toolkit writes. */
export function newSidecarText(values: RatingLabel): string {
  const lines = [
    '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Proofdesk">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
  ];
  const props = wantedValues(values).map(([p, v]) => `\n    xmp:${p}="${escapeXml(v)}"`);
  lines.push(`  <rdf:Description rdf:about=""\n    xmlns:xmp="${XAP_NS}"${props.join('')}/>`, ' </rdf:RDF>', '</x:xmpmeta>', '');
  return lines.join('\n');
}

function wantedValues(values: RatingLabel): [Prop, string][] {
  const out: [Prop, string][] = [];
  if (values.rating !== undefined) {
    if (!Number.isInteger(values.rating) || values.rating < 0 || values.rating > 5) throw new RangeError('A rating is 0 to 5 stars.');
    out.push(['Rating', String(values.rating)]);
  }
  if (values.label !== undefined) out.push(['Label', values.label]);
  return out;
}

function locate(text: string): { rdf: Element; descriptions: Element[] } {
  let roots: Element[];
  try {
    roots = scanXml(text);
  } catch (error) {
    if (error instanceof XmlScanError) throw new NotXmpError(`it is not well-formed XML (${error.message})`);
    throw error;
  }
  if (roots.length === 0) throw new NotXmpError('it holds no XML at all');
  const rdf = [...walk(roots)].find((el) => el.ns === RDF_NS && el.local === 'RDF');
  if (!rdf) throw new NotXmpError('it has no rdf:RDF element');
  const top = roots[0];
  if (roots.length > 1 || !top || !((top.ns === META_NS && top.local === 'xmpmeta') || top === rdf)) {
    throw new NotXmpError('its outermost element is not x:xmpmeta or rdf:RDF');
  }
  return { rdf, descriptions: rdf.children.filter((c) => c.ns === RDF_NS && c.local === 'Description') };
}

function replaceIn(text: string, d: Element, prop: Prop, value: string): Edit[] {
  const edits: Edit[] = [];
  for (const a of d.attrs) {
    if (a.ns === XAP_NS && a.local === prop) edits.push({ at: a.valueStart, end: a.valueEnd, text: escapeXml(value, a.quote) });
  }
  for (const c of d.children) {
    if (c.ns !== XAP_NS || c.local !== prop) continue;
    if (c.selfClosing) {
      edits.push({
        at: c.tagStart,
        end: c.tagEnd,
        text: `${text.slice(c.tagStart, c.tagClose).trimEnd()}>${escapeXml(value)}</${c.name}>`,
      });
    } else {
      edits.push({ at: c.contentStart, end: c.contentEnd, text: escapeXml(value) });
    }
  }
  return edits;
}

/** Add the missing properties as attributes of the Description that already speaks xmp:, else the first one. */
function insertion(text: string, rdf: Element, descriptions: Element[], missing: [Prop, string][]): Edit {
  const target =
    descriptions.find((d) => d.attrs.some((a) => a.ns === XAP_NS) || d.children.some((c) => c.ns === XAP_NS)) ??
    descriptions.find((d) => prefixFor(d.scope, XAP_NS) !== null) ??
    descriptions[0];
  if (!target) {
    // An empty rdf:RDF: give it a Description of its own.
    const rdfPrefix = rdf.name.includes(':') ? `${rdf.name.slice(0, rdf.name.indexOf(':'))}:` : '';
    const attrs = missing.map(([p, v]) => ` xmp:${p}="${escapeXml(v)}"`).join('');
    const desc = `<${rdfPrefix}Description ${rdfPrefix ? `${rdfPrefix}about` : 'about'}="" xmlns:xmp="${XAP_NS}"${attrs}/>`;
    if (rdf.selfClosing) {
      return { at: rdf.tagStart, end: rdf.tagEnd, text: `${text.slice(rdf.tagStart, rdf.tagClose).trimEnd()}>${desc}</${rdf.name}>` };
    }
    return { at: rdf.contentEnd, end: rdf.contentEnd, text: desc };
  }
  let prefix = prefixFor(target.scope, XAP_NS);
  let declare = '';
  if (prefix === null) {
    prefix = 'xmp';
    for (let n = 1; target.scope.has(prefix); n++) prefix = `xmp${n}`;
    declare = `xmlns:${prefix}="${XAP_NS}"`;
  }
  const last = target.attrSpans[target.attrSpans.length - 1];
  const at = last ? last.end : target.tagStart + 1 + target.name.length;
  // Keep the file's layout: one attribute a line stays one a line.
  const sep = last ? (/(\s+)$/.exec(text.slice(target.tagStart, last.start))?.[1] ?? ' ') : ' ';
  const parts = [...(declare ? [declare] : []), ...missing.map(([p, v]) => `${prefix}:${p}="${escapeXml(v)}"`)];
  return { at, end: at, text: parts.map((p) => sep + p).join('') };
}

function escapeXml(value: string, quote: '"' | "'" = '"'): string {
  const out = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return quote === '"' ? out.replace(/"/g, '&quot;') : out.replace(/'/g, '&apos;');
}

function unescapeXml(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (all, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? all;
    const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}
