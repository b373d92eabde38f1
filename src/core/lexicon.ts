// Hand-written word lists for the analyser. Measured against wink-nlp and compromise (docs/engine.md):
// small lists plus a stemmer are ~50x faster per sentence and a fraction of the bundle, and for news
// claims the decisive words (negation, modality, news-verb synonyms and antonyms) are a short list anyway.

const words = (s: string): string[] => s.trim().split(/\s+/);

export const STOP_WORDS = new Set(
  words(`a an the and or but nor so yet for of to in on at by with from into onto upon about above below over
  under between among through during before after since until till against toward towards without within
  as than then that this these those there here where when while which who whom whose what why how
  i me my we us our you your he him his she her it its they them their one ones
  is am are was were be been being do does did doing have has had having
  will would shall should can could may might must ought
  not no never n't also too very just only even still already again ever more most much many some any
  all both each every other such own same few less least further
  if whether because though although unless however thus therefore meanwhile moreover
  up down out off away back now today s 's like something anything nothing someone anyone
  said says say saying told tell according`),
);

/** Words that say little about which proposition a sentence states: counted at a fraction of a content word. */
export const GENERIC_WORDS = new Set(
  words(`company companies people person year years time times day days week weeks month months thing things
  way ways part parts group groups official officials government country countries state report reports
  number numbers issue issues new major significant large big other several many include including
  make made take took give given get got go going come came see seen use used show shows find work
  need want plan plans lot kind first last next recent recently ongoing potential possible current
  further additional also well high low good bad long short sign signal move effort efforts side sides
  matter point case fact statement comment comments remark remarks news source sources world`),
);

/** Reporting verbs: attribution markers, weighted low for similarity. Base forms; stems are derived. */
export const REPORTING_VERBS = new Set(
  words(`say state tell note add announce claim stress emphasize emphasise mention remark reveal indicate hint
  insist warn argue assert affirm reaffirm declare confirm explain suggest report write signal signalled
  acknowledge admit describe underline`),
);

/** Irregular past forms the Porter stemmer leaves alone. */
export const IRREGULAR: ReadonlyMap<string, string> = new Map(
  Object.entries({
    held: 'hold',
    upheld: 'uphold',
    rose: 'rise',
    risen: 'rise',
    fell: 'fall',
    fallen: 'fall',
    began: 'begin',
    begun: 'begin',
    won: 'win',
    lost: 'lose',
    took: 'take',
    taken: 'take',
    met: 'meet',
    said: 'say',
    told: 'tell',
    left: 'leave',
    made: 'make',
    gave: 'give',
    given: 'give',
    went: 'go',
    gone: 'go',
    came: 'come',
    brought: 'bring',
    saw: 'see',
    seen: 'see',
    found: 'find',
    thought: 'think',
    led: 'lead',
    ran: 'run',
    spoke: 'speak',
    spoken: 'speak',
    wrote: 'write',
    written: 'write',
    stood: 'stand',
    sought: 'seek',
    struck: 'strike',
    kept: 'keep',
    sent: 'send',
    spent: 'spend',
    built: 'build',
    paid: 'pay',
    sold: 'sell',
    bought: 'buy',
    grew: 'grow',
    grown: 'grow',
    drew: 'draw',
    chose: 'choose',
    chosen: 'choose',
    broke: 'break',
    broken: 'break',
    fought: 'fight',
    knew: 'know',
    known: 'know',
    flew: 'fly',
    forbade: 'forbid',
    sank: 'sink',
    shrank: 'shrink',
    arose: 'arise',
    withdrew: 'withdraw',
    withdrawn: 'withdraw',
    undertook: 'undertake',
    overtook: 'overtake',
    slid: 'slide',
    swore: 'swear',
    sworn: 'swear',
    hung: 'hang',
    shot: 'shoot',
    caught: 'catch',
    taught: 'teach',
    felt: 'feel',
    heard: 'hear',
    meant: 'mean',
    beat: 'beat',
    beaten: 'beat',
    hid: 'hide',
    hidden: 'hide',
    lay: 'lie',
    dealt: 'deal',
    fled: 'flee',
    forgave: 'forgive',
    froze: 'freeze',
    frozen: 'freeze',
    laid: 'lay',
    stepped: 'step',
    quit: 'quit',
    cut: 'cut',
    set: 'set',
    shut: 'shut',
    hit: 'hit',
    put: 'put',
    let: 'let',
    children: 'child',
    men: 'man',
    women: 'woman',
    lands: 'land',
    died: 'die',
    dying: 'die',
    dead: 'die',
  }),
);

/**
 * Synonym groups: first entry is the canonical label, the rest map onto it. Entries are base-form words or
 * short phrases; they are stemmed on load, so inflections match. Only paraphrases that news reports use
 * interchangeably belong here: each group is one proposition-level meaning.
 */
export const SYNONYMS: string[][] = [
  ['resign', 'step down', 'quit', 'stand down', 'resignation'],
  [
    'rise',
    'climb',
    'increase',
    'jump',
    'surge',
    'grow',
    'soar',
    'gain',
    'go up',
    'rise up',
    'spike',
    'rose',
    'double',
    'triple',
  ],
  [
    'fall',
    'ease',
    'decline',
    'drop',
    'decrease',
    'slip',
    'plunge',
    'shrink',
    'sink',
    'tumble',
    'go down',
    'slump',
    'dip',
    'halve',
    'cut',
    'reduce',
    'slash',
  ],
  ['agree', 'accept', 'consent', 'approve', 'accord', 'sign off', 'endorse'],
  ['refuse', 'reject', 'turn down', 'rebuff', 'veto', 'dismiss', 'disagree', 'disapprove'],
  ['open', 'reopen', 'reopening'],
  ['close', 'shut', 'remain closed', 'stay closed', 'shut down', 'closure'],
  ['begin', 'start', 'launch', 'commence', 'kick off', 'initiate', 'onset'],
  ['end', 'finish', 'conclude', 'halt', 'stop', 'cease', 'terminate'],
  ['cancel', 'scrap', 'call off', 'axe', 'scrub', 'cancellation'],
  ['win', 'victory', 'triumph'],
  ['lose', 'defeat', 'loss'],
  ['support', 'favour', 'favor', 'backing'],
  ['oppose', 'object', 'objection', 'opposition', 'resist'],
  ['allow', 'permit', 'authorize', 'authorise', 'let', 'legalise', 'legalize'],
  ['ban', 'prohibit', 'forbid', 'outlaw'],
  ['deny', 'refute', 'rebut'],
  ['join', 'accompany', 'enter'],
  ['leave', 'exit', 'withdraw', 'pull out'],
  ['meet', 'meeting', 'talk', 'summit', 'discussion', 'discuss', 'conference', 'talks'],
  ['guarantee', 'assurance', 'safeguard', 'protection', 'guarantees'],
  ['territory', 'land', 'region', 'territorial'],
  ['seize', 'seizure', 'capture', 'annex', 'annexation', 'grab', 'occupy'],
  ['more', 'additional', 'further', 'extra'],
  ['trilateral', 'three-way', 'three way', 'three-leader', 'three leader', 'three-party'],
  ['treaty', 'charter', 'pact'],
  ['kill', 'death toll', 'fatality', 'killing'],
  ['hold', 'take place', 'organise', 'organize'],
  ['find', 'identify', 'discover', 'uncover'],
  ['remain', 'stay', 'persist'],
  ['major', 'significant', 'substantial', 'big', 'large', 'considerable', 'huge'],
  ['ceasefire', 'truce', 'armistice'],
  ['deal', 'agreement', 'settlement'],
  ['price', 'inflation', 'consumer price'],
  ['alter', 'change', 'adjust', 'modify', 'redraw', 'revise'],
  ['invade', 'invasion', 'incursion'],
  ['ready', 'prepare', 'willing', 'prepared'],
  ['demand', 'insist on', 'call for'],
  ['say', 'state', 'tell', 'note', 'add', 'announce', 'claim', 'stress', 'emphasize', 'emphasise', 'mention'],
  ['hire', 'recruit', 'employ'],
  ['fire', 'lay off', 'sack'],
  ['strengthen', 'bolster', 'reinforce', 'boost'],
  ['weaken', 'undermine', 'erode'],
  ['succeed', 'success'],
  ['fail', 'failure'],
  ['include', 'involve', 'encompass'],
  ['exclude', 'leave out', 'omit'],
  ['arrest', 'detain', 'apprehend'],
  ['release', 'set free'],
  ['impose', 'introduce', 'slap'],
  ['lift', 'remove'],
  ['high', 'higher'],
  ['low', 'lower'],
  ['welcome', 'praise', 'applaud', 'hail', 'commend'],
  ['criticise', 'criticize', 'condemn', 'slam', 'denounce', 'criticism', 'decry'],
  ['useful', 'helpful', 'productive', 'constructive', 'fruitful', 'valuable'],
  ['useless', 'pointless', 'unproductive', 'futile', 'fruitless', 'worthless'],
  ['lawful', 'legal', 'legitimate', 'constitutional', 'lawfully', 'legally'],
  ['unlawful', 'illegal', 'illegitimate', 'unconstitutional', 'unlawfully', 'illegally'],
  ['offer', 'extend', 'provide'],
  ['uphold'],
  ['overturn', 'quash', 'strike down', 'reverse'],
  ['guilty', 'convict', 'conviction'],
  ['acquit', 'innocent', 'acquittal', 'exonerate'],
  ['optimistic', 'hopeful', 'upbeat'],
  ['pessimistic', 'gloomy', 'sceptical', 'skeptical', 'doubtful'],
  ['improve', 'improvement'],
  ['worsen', 'deteriorate', 'deterioration'],
  ['accelerate', 'speed up'],
  ['slow', 'slow down', 'decelerate'],
  ['surplus'],
  ['deficit'],
  ['attend', 'take part', 'participate', 'turn up'],
  ['profit'],
  ['sign', 'sign into law'],
  ['pass'],
  ['survive', 'survivor'],
  ['die', 'death', 'dead'],
  ['unchanged', 'steady', 'stable', 'on hold', 'hold steady'],
  ['stay on', 'remain in office', 'remain in post', 'remain in charge'],
  ['safe', 'harmless'],
  ['unsafe', 'dangerous', 'harmful', 'hazardous'],
  ['go ahead', 'proceed'],
  ['deliberate', 'deliberately', 'intentional', 'intentionally', 'on purpose', 'arson'],
  ['accident', 'accidental', 'accidentally'],
  ['true', 'accurate', 'correct'],
  ['false', 'untrue', 'inaccurate', 'incorrect', 'fake'],
  ['permanent', 'permanently'],
  ['temporary', 'temporarily'],
  ['voluntary', 'optional'],
  ['mandatory', 'compulsory', 'obligatory'],
  ['peaceful', 'peacefully'],
  ['violent', 'violently'],
  ['boycott', 'stay away', 'skip'],
];

/** Opposite poles on one scale: the canonical labels above. A claim and its antonym conflict. */
export const ANTONYMS: [string, string][] = [
  ['rise', 'fall'],
  ['agree', 'refuse'],
  ['open', 'close'],
  ['begin', 'end'],
  ['win', 'lose'],
  ['support', 'oppose'],
  ['allow', 'ban'],
  ['confirm', 'deny'],
  ['join', 'leave'],
  ['hire', 'fire'],
  ['strengthen', 'weaken'],
  ['succeed', 'fail'],
  ['include', 'exclude'],
  ['arrest', 'release'],
  ['impose', 'lift'],
  ['high', 'low'],
  ['welcome', 'criticise'],
  ['useful', 'useless'],
  ['lawful', 'unlawful'],
  ['uphold', 'overturn'],
  ['guilty', 'acquit'],
  ['optimistic', 'pessimistic'],
  ['improve', 'worsen'],
  ['accelerate', 'slow'],
  ['surplus', 'deficit'],
  ['attend', 'boycott'],
  ['ready', 'refuse'],
  ['profit', 'lose'],
  ['sign', 'refuse'],
  ['pass', 'fail'],
  ['survive', 'die'],
  ['survive', 'kill'],
  ['unchanged', 'rise'],
  ['unchanged', 'fall'],
  ['stay on', 'resign'],
  ['safe', 'unsafe'],
  ['go ahead', 'cancel'],
  ['deliberate', 'accident'],
  ['true', 'false'],
  ['permanent', 'temporary'],
  ['voluntary', 'mandatory'],
  ['peaceful', 'violent'],
];

/** Negation cues. Their scope runs to the end of the clause. */
export const NEGATION_WORDS = new Set(
  words(`not no never without none nobody nothing neither nor cannot non nowhere`),
);
/** Verbs that negate their complement: "refused to resign", "prevent further seizure". */
export const NEGATING_VERBS = new Set(words(`refuse decline fail prevent avoid refrain deny`));
/** Words that end a negation's scope. */
export const SCOPE_BREAKERS = new Set(
  words(`but while whereas although though which who whom that because since unless however yet and or`),
);

export const HEDGES = new Set(
  words(`may might could would possibly perhaps likely unlikely probably reportedly allegedly potential
  potentially consider considering considers considered possibility possible suggest suggests expect
  expected seem seems appear appears hint hints mull weigh explore exploring`),
);
export const FUTURE_MARKERS = new Set(words(`will shall going set plan plans scheduled due`));
/** Auxiliaries shown with a verb in reasons ("could be negotiated"). */
export const AUXILIARIES = new Set(
  words(
    `will would could can may might must should shall be been being is are was were has have had do does did to`,
  ),
);
