// Synthetic news claims for the benchmark: template sentences filled with random people, places,
// organizations, numbers and dates from a seeded PRNG, so every run measures the same data. Each claim can
// be paraphrased (reordered, synonyms, role dropped, number reformatted) to build a page whose ground
// truth is known.
import type { Article, Claim, Source } from '../../src/core/index.ts';
import { mulberry32 } from '../../build/train/prng.ts';

const FIRST =
  `Anna Boris Carla David Elena Farid Grace Hiro Ines Jonas Karim Lena Marco Nadia Omar Petra Quentin Rosa
Samir Tara Ulrich Vera Walter Xenia Yusuf Zofia Aaron Bianca Cyril Dana Emil Fatima Gustav Helga Igor Julia Kenji Lucia
Mateo Nora Oskar Paula Rafael Sofia Tomas Ursula Viktor Wanda Yara Zeno`.split(/\s+/);
const LAST =
  `Albrecht Barros Castell Duarte Eklund Ferrand Galvez Horvath Ivanova Jansen Kowalski Lindqvist Moreau
Novak Okafor Petrov Quiroga Rinaldi Sandoval Takahashi Urbina Varga Weber Xu Yilmaz Zeller Abbott Brandt Costa Dimitrov
Engel Fischer Grimaldi Haddad Iqbal Jovanovic Keller Larsen Mendes Nakamura Ortega Popescu Reyes Schmidt Tanaka Ulloa
Vogel Walsh Yoshida Zamora`.split(/\s+/);
const ROLES =
  `finance minister; foreign minister; defense minister; prime minister; president; mayor; governor; central
bank governor; trade envoy; health minister; energy minister; senator; opposition leader; army chief; spokesperson`
    .split(';')
    .map((s) => s.replace(/\s+/g, ' ').trim());
const PLACES =
  `Lisbon Oslo Nairobi Lima Hanoi Warsaw Ankara Quito Dakar Manila Riga Tbilisi Bogota Accra Tunis Sofia
Zagreb Tallinn Vilnius Almaty Baku Yerevan Minsk Chisinau Kigali Lusaka Harare Maputo Windhoek Gaborone Asuncion
Montevideo Santiago Caracas Havana Kingston Reykjavik Dublin Helsinki Prague Vienna Bern Brussels Athens Valletta
Nicosia Beirut Amman Doha Muscat`.split(/\s+/);
const ORGS =
  `the World Bank; the IMF; the European Commission; the African Union; the UN Security Council; the WHO;
the central bank; the national railway; the state oil company; the electoral commission; the supreme court;
the parliament; the health ministry; the port authority; the national airline`
    .split(';')
    .map((s) => s.replace(/\s+/g, ' ').trim());
const MONTHS = `January February March April May June July August September October November December`.split(
  ' ',
);
const GOODS = `wheat steel rice copper coffee natural gas crude oil solar panels vaccines fertilizer`.split(
  ' ',
);
const TOPICS =
  `pension reform; a new border treaty; the fishing rights deal; the water-sharing accord; the rail link;
the minimum wage; the tax overhaul; the ceasefire; the debt restructuring; the election timetable`
    .split(';')
    .map((s) => s.replace(/\s+/g, ' ').trim());

export interface Facts {
  person: string;
  role: string;
  place: string;
  place2: string;
  org: string;
  n: number;
  pct: number;
  month: string;
  day: number;
  year: number;
  good: string;
  topic: string;
}

// Each template renders the same facts as a claim and as a paraphrase of it.
const TEMPLATES: { claim(f: Facts): string; paraphrase(f: Facts): string }[] = [
  {
    claim: (f) =>
      `${f.person}, the ${f.role}, said on ${f.month} ${f.day} that ${f.org} would cut ${f.n} jobs in ${f.place}.`,
    paraphrase: (f) =>
      `${f.org} will eliminate ${f.n} positions in ${f.place}, ${f.person} announced on ${f.month} ${f.day}.`,
  },
  {
    claim: (f) =>
      `Exports of ${f.good} from ${f.place} rose ${f.pct} percent in ${f.month} ${f.year}, according to ${f.org}.`,
    paraphrase: (f) =>
      `According to ${f.org}, ${f.place} increased its ${f.good} exports by ${f.pct}% in ${f.month} ${f.year}.`,
  },
  {
    claim: (f) =>
      `${f.person} met officials from ${f.place2} in ${f.place} on ${f.month} ${f.day} to discuss ${f.topic}.`,
    paraphrase: (f) =>
      `Talks on ${f.topic} brought ${f.person} together with ${f.place2} officials in ${f.place} on ${f.month} ${f.day}.`,
  },
  {
    claim: (f) => `${f.org} approved a loan of ${f.n} million dollars to ${f.place} to support ${f.topic}.`,
    paraphrase: (f) =>
      `${f.place} will receive ${f.n} million dollars from ${f.org} in support of ${f.topic}.`,
  },
  {
    claim: (f) =>
      `The ${f.role} of ${f.place}, ${f.person}, resigned on ${f.month} ${f.day} after protests over ${f.topic}.`,
    paraphrase: (f) =>
      `Following protests over ${f.topic}, ${f.person} stepped down as ${f.place}'s ${f.role} on ${f.month} ${f.day}.`,
  },
  {
    claim: (f) =>
      `At least ${f.n} people were evacuated from ${f.place} after floods on ${f.month} ${f.day}, ${f.org} said.`,
    paraphrase: (f) =>
      `${f.org} reported that floods forced the evacuation of ${f.n} residents of ${f.place} on ${f.month} ${f.day}.`,
  },
  {
    claim: (f) =>
      `${f.person} said ${f.place} will not sign ${f.topic} unless ${f.place2} withdraws its troops.`,
    paraphrase: (f) =>
      `${f.place} refuses to sign ${f.topic} until ${f.place2} pulls out its troops, according to ${f.person}.`,
  },
  {
    claim: (f) =>
      `Inflation in ${f.place} fell to ${f.pct} percent in ${f.month}, the lowest level since ${f.year}, ${f.org} reported.`,
    paraphrase: (f) =>
      `${f.org} said ${f.place}'s inflation dropped to ${f.pct}% in ${f.month}, a low not seen since ${f.year}.`,
  },
  {
    claim: (f) =>
      `${f.org} signed a contract worth ${f.n} million euros to import ${f.good} from ${f.place2}.`,
    paraphrase: (f) => `A ${f.n} million euro deal to buy ${f.good} from ${f.place2} was signed by ${f.org}.`,
  },
  {
    claim: (f) =>
      `${f.person}, ${f.place}'s ${f.role}, will visit ${f.place2} on ${f.month} ${f.day} for talks on ${f.topic}.`,
    paraphrase: (f) =>
      `On ${f.month} ${f.day}, ${f.person} is due in ${f.place2} to hold talks about ${f.topic}.`,
  },
  {
    claim: (f) =>
      `Voters in ${f.place} rejected ${f.topic} in a referendum on ${f.month} ${f.day}, with ${f.pct} percent against.`,
    paraphrase: (f) =>
      `In the ${f.month} ${f.day} referendum, ${f.pct}% of ${f.place} voters opposed ${f.topic}.`,
  },
  {
    claim: (f) =>
      `${f.org} fined the national airline ${f.n} million dollars for delays at ${f.place} airport in ${f.year}.`,
    paraphrase: (f) =>
      `The national airline was ordered by ${f.org} to pay ${f.n} million dollars over ${f.year} delays at the ${f.place} airport.`,
  },
];

export class Generator {
  readonly random: () => number;
  constructor(seed: number) {
    this.random = mulberry32(seed);
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }
  facts(): Facts {
    const place = this.pick(PLACES);
    let place2 = this.pick(PLACES);
    while (place2 === place) place2 = this.pick(PLACES);
    return {
      person: `${this.pick(FIRST)} ${this.pick(LAST)}`,
      role: this.pick(ROLES),
      place,
      place2,
      org: this.pick(ORGS),
      n: this.int(2, 9000),
      pct: this.int(2, 95),
      month: this.pick(MONTHS),
      day: this.int(1, 28),
      year: this.int(1990, 2024),
      good: this.pick(GOODS),
      topic: this.pick(TOPICS),
    };
  }
  /** A claim sentence and its paraphrase, from one template and one set of facts. */
  statement(): { claim: string; paraphrase: string } {
    const t = this.pick(TEMPLATES);
    const f = this.facts();
    const up = (s: string) => s[0]!.toUpperCase() + s.slice(1);
    return { claim: up(t.claim(f)), paraphrase: up(t.paraphrase(f)) };
  }
}

export interface Base {
  sources: Source[];
  claims: Claim[];
  /** Paraphrase of each claim, by claim id. */
  paraphrases: Map<string, string>;
  articles: Article[];
}

/**
 * A claim base of `size` claims in sources of `perSource` claims each. Claims are built directly (each
 * sentence of a source is a claim) so the retrieval benchmark doesn't depend on claim extraction; the
 * same texts as articles feed the pack-build timing.
 */
export function makeBase(size: number, seed: number, perSource = 20): Base {
  const g = new Generator(seed);
  const sources: Source[] = [];
  const claims: Claim[] = [];
  const paraphrases = new Map<string, string>();
  const articles: Article[] = [];
  for (let s = 0; claims.length < size; s++) {
    const id = `syn${String(s).padStart(6, '0')}`;
    const sentences: { claim: string; paraphrase: string }[] = [];
    for (let i = 0; i < perSource && claims.length + sentences.length < size; i++)
      sentences.push(g.statement());
    let text = '';
    for (const { claim, paraphrase } of sentences) {
      if (text) text += ' ';
      const start = text.length;
      text += claim;
      const c: Claim = {
        id: `${id}:${start}`,
        sourceId: id,
        exact: claim,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: '',
        start,
        end: text.length,
      };
      claims.push(c);
      paraphrases.set(c.id, paraphrase);
    }
    // Suffixes need the whole text.
    for (const c of claims.slice(claims.length - sentences.length)) c.suffix = text.slice(c.end, c.end + 32);
    const title = `Synthetic report ${s}`;
    sources.push({ id, title, text });
    articles.push({ id, title, text });
  }
  return { sources, claims, paraphrases, articles };
}

export interface Page {
  title: string;
  text: string;
  /** Ground truth: for each page sentence that paraphrases a base claim, its text and that claim's id. */
  truth: { sentence: string; claimId: string }[];
}

/** A page of `sentences` sentences: `paraphrased` of them paraphrase random base claims, the rest are new. */
export function makePage(base: Base, seed: number, sentences = 100, paraphrased = 50): Page {
  const g = new Generator(seed);
  const known = new Set(base.claims.map((c) => c.exact));
  const lines: string[] = [];
  const truth: Page['truth'] = [];
  const used = new Set<string>();
  while (truth.length < paraphrased) {
    const claim = g.pick(base.claims);
    if (used.has(claim.id)) continue;
    used.add(claim.id);
    const sentence = base.paraphrases.get(claim.id)!;
    truth.push({ sentence, claimId: claim.id });
    lines.push(sentence);
  }
  const fresh = new Generator(seed ^ 0x5eed);
  while (lines.length < sentences) {
    const { claim } = fresh.statement();
    if (!known.has(claim)) lines.push(claim);
  }
  // Shuffle so paraphrases are spread over the page.
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(g.random() * (i + 1));
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  return { title: 'Synthetic page', text: lines.join(' '), truth };
}
