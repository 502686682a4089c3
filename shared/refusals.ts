// A refusal of a state machine (orders, retouch tasks): a code for programs, a translation key,
// and an English sentence that says what to do instead, `{name}` filled from the params (the UI
// does the same with its translated sentence). Each machine keeps its own table of texts.
export type RefusalParams = Record<string, string | number>;

export interface Refusal<Code extends string, Key extends string> {
  ok: false;
  code: Code;
  /** The English sentence: what is wrong and what to do instead. */
  reason: string;
  /** The translation key of the sentence (`<machine>.refusal.<reasonKey>`). */
  reasonKey: Key;
  params: RefusalParams;
}

export function fillTemplate(text: string, params: RefusalParams): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The refusal maker of one machine's table of texts. */
export function refusalMaker<Code extends string, Texts extends Record<string, { code: Code; text: string }>>(texts: Texts) {
  return (key: keyof Texts & string, params: RefusalParams = {}): Refusal<Code, keyof Texts & string> => {
    const { code, text } = texts[key] as { code: Code; text: string };
    return { ok: false, code, reason: fillTemplate(text, params), reasonKey: key, params };
  };
}
