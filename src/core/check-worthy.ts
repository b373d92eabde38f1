// Which sentences are claims: factual assertions that name someone or something, or carry a number,
// a date or a quotation. Questions, headings and calls to action are not checkable.
import { analyze, type Features } from './analyze.ts';

const CALL_TO_ACTION =
  /^(?:subscribe|share|click|follow|sign up|read|join us|don[’']t (?:forget|miss)|let us know|tell us|comment|watch|listen|download|register|learn more|see more|find out)\b|\b(?:in the comments|subscribe (?:to|for)|sign up for|newsletter)\b/i;
const VERBISH =
  /\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|must|should|does|did|do)\b|\w(?:ed|es)\b|\b(?:said|says|told|rose|fell|met|held|began|won|lost|took|left|made|gave|came|went|saw|found|led|sent|paid|cut|set|put|hit)\b/i;

/** A title-case line without a final full stop: "Russia’s Potential Shift in Position". */
export function isHeading(sentence: string): boolean {
  const s = sentence.trim();
  if (/[.!?]["”’)]*$/.test(s)) return false;
  const words = s.split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  if (words.length > 14) return false;
  const content = words.filter((w) => w.length > 3);
  const caps = content.filter((w) => /^\p{Lu}/u.test(w)).length;
  return content.length === 0 || caps / content.length >= 0.75 || words.length < 5;
}

export function isCheckWorthy(sentence: string, f: Features = analyze(sentence)): boolean {
  const s = sentence.trim();
  const words = s.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w));
  if (words.length < 6 || words.length > 90) return false;
  if (f.isQuestion) return false;
  if (CALL_TO_ACTION.test(s)) return false;
  if (isHeading(s)) return false;
  if (!VERBISH.test(s)) return false;
  let contentTerms = 0;
  for (const t of f.terms.values()) if (t.kind === 'content') contentTerms++;
  if (contentTerms < 1) return false;
  const hasQuote = /["“”]/.test(s) || /^‘|’$/.test(s);
  return f.entities.length > 0 || f.numbers.length > 0 || f.dates.length > 0 || hasQuote;
}
