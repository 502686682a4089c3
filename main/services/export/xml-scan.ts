// A small XML scanner for XMP packets: elements with their exact source positions and the
// namespaces in scope, so a sidecar can be edited in place and the rest kept byte for byte.
// It reads what real sidecars contain (comments, processing instructions, CDATA, both quote
// styles); it is not a validating parser and expands no entities.

export interface Attr {
  name: string;
  /** Resolved namespace URI; '' for an unprefixed attribute. */
  ns: string;
  local: string;
  /** Position of the attribute's first character and just after its closing quote. */
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
  quote: '"' | "'";
}

export interface Element {
  name: string;
  ns: string;
  local: string;
  /** The start tag: `<` … `>`. */
  tagStart: number;
  tagEnd: number;
  /** Where `>` or `/>` of the start tag begins. */
  tagClose: number;
  selfClosing: boolean;
  attrs: Attr[];
  /** Where every attribute of the start tag, namespace declarations included, starts and ends. */
  attrSpans: { start: number; end: number }[];
  /** Prefix → namespace URI in scope on this element. */
  scope: Map<string, string>;
  /** Content between the tags (empty range when self-closing), and the end of the end tag. */
  contentStart: number;
  contentEnd: number;
  end: number;
  parent: Element | null;
  children: Element[];
}

export class XmlScanError extends Error {}

const NAME = /[A-Za-z_:\u00C0-\uFFFF][\w.:\-\u00B7\u00C0-\uFFFF]*/y;

/** All top-level elements (normally one, x:xmpmeta or rdf:RDF) with their trees. */
export function scanXml(text: string): Element[] {
  const roots: Element[] = [];
  const stack: Element[] = [];
  const baseScope = new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) i = after(text, '-->', lt + 4, 'a comment');
    else if (text.startsWith('<![CDATA[', lt)) i = after(text, ']]>', lt + 9, 'a CDATA section');
    else if (text.startsWith('<?', lt)) i = after(text, '?>', lt + 2, 'a processing instruction');
    else if (text.startsWith('<!', lt)) throw new XmlScanError('it has a document type declaration, which XMP never has');
    else if (text[lt + 1] === '/') {
      const close = text.indexOf('>', lt);
      if (close < 0) throw new XmlScanError('an end tag is not closed');
      const name = text.slice(lt + 2, close).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new XmlScanError(`</${name}> does not close ${open ? `<${open.name}>` : 'anything'}`);
      open.contentEnd = lt;
      open.end = close + 1;
      i = close + 1;
    } else {
      const parent = stack[stack.length - 1] ?? null;
      const el = startTag(text, lt, parent ? parent.scope : baseScope, parent);
      if (parent) parent.children.push(el);
      else roots.push(el);
      if (!el.selfClosing) stack.push(el);
      i = el.tagEnd;
    }
  }
  if (stack.length) throw new XmlScanError(`<${stack[stack.length - 1]?.name}> is never closed`);
  return roots;
}

function after(text: string, end: string, from: number, what: string): number {
  const at = text.indexOf(end, from);
  if (at < 0) throw new XmlScanError(`${what} is not closed`);
  return at + end.length;
}

function startTag(text: string, lt: number, parentScope: Map<string, string>, parent: Element | null): Element {
  NAME.lastIndex = lt + 1;
  const m = NAME.exec(text);
  if (!m) throw new XmlScanError(`a tag at character ${lt} has no name`);
  const name = m[0];
  let i = NAME.lastIndex;
  const raw: Omit<Attr, 'ns' | 'local'>[] = [];
  for (;;) {
    while (/\s/.test(text[i] ?? '')) i++;
    const ch = text[i];
    if (ch === undefined) throw new XmlScanError(`<${name}> is not closed`);
    if (ch === '>' || (ch === '/' && text[i + 1] === '>')) break;
    NAME.lastIndex = i;
    const an = NAME.exec(text);
    if (!an) throw new XmlScanError(`<${name}> has an attribute without a name`);
    const start = i;
    i = NAME.lastIndex;
    while (/\s/.test(text[i] ?? '')) i++;
    if (text[i] !== '=') throw new XmlScanError(`attribute ${an[0]} of <${name}> has no value`);
    i++;
    while (/\s/.test(text[i] ?? '')) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") throw new XmlScanError(`attribute ${an[0]} of <${name}> is not quoted`);
    const close = text.indexOf(quote, i + 1);
    if (close < 0) throw new XmlScanError(`attribute ${an[0]} of <${name}> is not closed`);
    raw.push({ name: an[0], start, end: close + 1, valueStart: i + 1, valueEnd: close, quote });
    i = close + 1;
  }
  const selfClosing = text[i] === '/';
  const tagEnd = i + (selfClosing ? 2 : 1);
  let scope = parentScope;
  for (const a of raw) {
    if (a.name === 'xmlns' || a.name.startsWith('xmlns:')) {
      if (scope === parentScope) scope = new Map(parentScope);
      scope.set(a.name === 'xmlns' ? '' : a.name.slice(6), text.slice(a.valueStart, a.valueEnd));
    }
  }
  const resolve = (qname: string, isAttr: boolean): { ns: string; local: string } => {
    const colon = qname.indexOf(':');
    if (colon < 0) return { ns: isAttr ? '' : (scope.get('') ?? ''), local: qname };
    const prefix = qname.slice(0, colon);
    return { ns: scope.get(prefix) ?? `unbound:${prefix}`, local: qname.slice(colon + 1) };
  };
  const attrs = raw.filter((a) => a.name !== 'xmlns' && !a.name.startsWith('xmlns:')).map((a) => ({ ...a, ...resolve(a.name, true) }));
  return {
    name,
    ...resolve(name, false),
    tagStart: lt,
    tagEnd,
    tagClose: i,
    selfClosing,
    attrs,
    attrSpans: raw.map((a) => ({ start: a.start, end: a.end })),
    scope,
    contentStart: tagEnd,
    contentEnd: tagEnd,
    end: tagEnd,
    parent,
    children: [],
  };
}

/** Every element of the trees, depth first. */
export function* walk(elements: readonly Element[]): Generator<Element> {
  for (const el of elements) {
    yield el;
    yield* walk(el.children);
  }
}

/** The prefix bound to `ns` in a scope (the first one declared), or null. */
export function prefixFor(scope: Map<string, string>, ns: string): string | null {
  for (const [prefix, uri] of scope) if (uri === ns && prefix !== '') return prefix;
  return null;
}
