// The word-level view the learned stance models read: lower-case word tokens, a stop list, and the
// cue lexicons (refuting and hedging words) whose presence near the claim's words carries most of the
// stance signal in headlines (Ferreira & Vlachos 2016; the FNC-1 baseline's refuting-word features).

/** Lower-case word tokens; "n't" stays attached ("didn't") so the negation is one token. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+(?:['’][a-z]+)?/g) ?? [];
}

/**
 * Function words left out of the bag of words. Negations, hedges and question words are NOT here:
 * they are the stance signal.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but if of at by for with about against between into through during before after ' +
    'above below to from up down in out on off over under again further then once here there when where ' +
    'why how all any both each few more most other some such only own same so than too very s t can will ' +
    'just don should now i me my myself we our ours ourselves you your yours yourself he him his himself she ' +
    'her hers herself it its itself they them their theirs themselves what which who whom this that these ' +
    'those am is are was were be been being have has had having do does did doing would could also as ' +
    "because until while said says say one two new like get got us its it's i'm"
  ).split(' '),
);

/** Words that deny or debunk (the FNC-1 baseline's refuting list, plus the denials headlines use). */
export const REFUTE_WORDS: ReadonlySet<string> = new Set(
  (
    'fake fraud hoax false deny denies denied denying refute refutes refuted refuting not no neither nor ' +
    'despite nope doubt doubts doubted bogus debunk debunks debunked debunking pranks prank retract ' +
    'retracts retracted untrue myth rumors wrong incorrect misleading baseless never dismiss dismisses ' +
    "dismissed reject rejects rejected isn't aren't wasn't weren't didn't doesn't don't won't " +
    "hasn't haven't nothing satire fabricated fiction spoof"
  ).split(' '),
);

/** Words that report without endorsing: the article "observes" the claim. */
export const HEDGE_WORDS: ReadonlySet<string> = new Set(
  (
    'reportedly report reports reported allegedly alleged claim claims claimed apparently may might could ' +
    'possibly possible rumor rumored rumour rumoured rumours supposedly purportedly suggests suggest ' +
    'seems appears appear believed likely unconfirmed unverified according speculation speculate ' +
    'whether perhaps if purported sources source says'
  ).split(' '),
);
