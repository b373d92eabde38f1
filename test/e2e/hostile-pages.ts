// Hostile test pages too big (or too repetitive) to commit, built at test time and served from the
// static server's routes. Each one carries a heartbeat: a setTimeout loop and a requestAnimationFrame
// loop record the longest gap between their runs, so a test can tell a tab that froze.

/** Sentences that restate seed claims (see demo-news.html), the only ones that should be highlighted. */
export const SEED_SENTENCES = [
  'Russia has agreed to enact legislation committing it not to pursue additional Ukrainian territory, officials said.',
  'Witkoff said it was the first time Russia had agreed to something like this.',
  'NATO allies have invoked the collective defence clause four times since 1949.',
];

/**
 * Runs in the page: window.__heartbeat = { maxGapMs, maxFrameGapMs, ticks, frames, gaps }, counted from
 * the load event (parsing and laying out a huge page is the page's own cost, before any extension
 * work), and gaps lists the stalls over 200 ms as "start+length" for the report. A correctness bound,
 * not a benchmark.
 */
export const HEARTBEAT = `<script>
  (() => {
    const hb = (window.__heartbeat = { maxGapMs: 0, maxFrameGapMs: 0, ticks: 0, frames: 0, gaps: [] });
    let loaded = false;
    addEventListener('load', () => {
      loaded = true;
      hb.gaps.push('load@' + Math.round(performance.now()));
    });
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      if (now - last > 200) hb.gaps.push(Math.round(last) + '+' + Math.round(now - last));
      if (loaded) hb.maxGapMs = Math.max(hb.maxGapMs, now - last);
      hb.ticks++;
      last = now;
      setTimeout(tick, 20);
    };
    setTimeout(tick, 20);
    let lastFrame = 0;
    const frame = (t) => {
      if (lastFrame && loaded) hb.maxFrameGapMs = Math.max(hb.maxFrameGapMs, t - lastFrame);
      hb.frames++;
      lastFrame = t;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })();
</script>`;

// A small deterministic generator of bland English that matches nothing in the seeds.
const SUBJECTS = [
  'The allotment committee',
  'A local gardener',
  'The village choir',
  'Volunteers at the harbour',
  'The museum of clocks',
  'A cycling club',
  'The bakery on Elm Street',
  'Visitors to the botanical garden',
];
const VERBS = ['planted', 'painted', 'repaired', 'catalogued', 'rehearsed', 'polished', 'sorted', 'measured'];
const OBJECTS = [
  'rows of winter leeks',
  'the old bandstand',
  'a collection of brass barometers',
  'forty pots of marigolds',
  'the rowing boats by the pier',
  'a mural of migrating geese',
  'the reading room shelves',
  'three hundred tulip bulbs',
];
const WHEN = [
  'before lunch',
  'over the weekend',
  'in the drizzle',
  'after the fair',
  'at dawn',
  'by lamplight',
];

function* filler(seed = 7): Generator<string> {
  let x = seed;
  const pick = <T>(list: T[]) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return list[x % list.length]!;
  };
  for (;;) yield `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(WHEN)}.`;
}

const page = (title: string, body: string, lang = 'en') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>${HEARTBEAT}</head><body>${body}</body></html>`;

/**
 * About `megabytes` MB of article text in 50,000 elements (paragraphs of four spans each, so most
 * elements are inline), with the seed sentences near the start, in the middle and near the end.
 */
export function bigPage(megabytes = 5, elements = 50_000): string {
  const paragraphs = Math.floor(elements / 4); // <p> + 3 <span>
  const perParagraph = Math.floor((megabytes * 1_000_000) / paragraphs);
  const words = filler();
  const seedAt = new Map([
    [2, SEED_SENTENCES[0]!],
    [Math.floor(paragraphs / 2), SEED_SENTENCES[1]!],
    [paragraphs - 3, SEED_SENTENCES[2]!],
  ]);
  const parts: string[] = ['<article><h1>An almanac of small towns</h1>'];
  for (let i = 0; i < paragraphs; i++) {
    const spans: string[] = [];
    let length = 0;
    while (length < perParagraph) {
      const s = words.next().value as string;
      spans.push(s);
      length += s.length + 1;
    }
    const third = Math.ceil(spans.length / 3);
    const seed = seedAt.get(i);
    parts.push(
      `<p id="p${i}"><span>${spans.slice(0, third).join(' ')}</span> <span>${spans.slice(third, 2 * third).join(' ')}</span> <span>${spans.slice(2 * third).join(' ')}</span>${seed ? ` ${seed}` : ''}</p>`,
    );
  }
  parts.push('</article>');
  return page('A very long page', parts.join('\n'));
}

/**
 * A stable article with seed sentences, and a "live" box the page rebuilds on every animation frame
 * forever: a new element with a claim in it each frame, a text counter and a style change.
 */
export function rafPage(): string {
  const words = filler(11);
  const article = [
    '<article><h1>Town notes</h1>',
    ...SEED_SENTENCES.slice(0, 2).map(
      (s, i) => `<p id="seed${i}">${words.next().value} ${s} ${words.next().value}</p>`,
    ),
    ...Array.from({ length: 20 }, () => `<p>${words.next().value} ${words.next().value}</p>`),
    '<div id="live"></div><p id="counter">frame 0</p></article>',
  ].join('\n');
  const script = `<script>
    window.__frames = 0;
    const live = document.getElementById('live');
    const counter = document.getElementById('counter');
    const step = () => {
      const n = ++window.__frames;
      live.innerHTML = '<p class="update">Live update ' + n + ': ${SEED_SENTENCES[2]}</p>';
      counter.firstChild.nodeValue = 'frame ' + n;
      live.style.opacity = String(0.5 + (n % 50) / 100);
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  </script>`;
  return page('A page that never stops', article + script);
}
