// The only metadata a web proof keeps: who made it and who owns it. EXIF Artist/Copyright are
// ASCII (libvips transliterates "Paweł" to "Pawel"), so the exact spelling also goes into a
// minimal XMP packet (dc:creator, dc:rights). Nothing else — no GPS, no camera serials.
import type { Sharp } from 'sharp';

export interface Credit {
  creator: string | null;
  copyright: string | null;
}

export function withCredit(image: Sharp, credit: Credit): Sharp {
  const ifd0: Record<string, string> = {};
  if (credit.creator) ifd0.Artist = credit.creator;
  if (credit.copyright) ifd0.Copyright = credit.copyright;
  if (Object.keys(ifd0).length === 0) return image;
  return image.withExif({ IFD0: ifd0 }).withXmp(creditXmp(credit));
}

export function creditXmp(credit: Credit): string {
  const creator = credit.creator ? `<dc:creator><rdf:Seq><rdf:li>${escapeXml(credit.creator)}</rdf:li></rdf:Seq></dc:creator>` : '';
  const rights = credit.copyright
    ? `<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(credit.copyright)}</rdf:li></rdf:Alt></dc:rights>`
    : '';
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${creator}${rights}</rdf:Description>`,
    '</rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}
