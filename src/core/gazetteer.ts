// A small gazetteer: places, organisations, demonyms and role titles common in international news.
// Capitalised sequences find most names without it; these lists say what kind a name is (a place can
// conflict with another place, a role attaches to a person) and map variants onto one key.

const list = (s: string): string[] =>
  s
    .split(/\s*;\s*/)
    .map((x) => x.trim().toLowerCase())
    .filter(Boolean);

/** Alternative names of one place or organisation → its key. */
export const ALIASES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'united states': 'usa',
    'united states of america': 'usa',
    us: 'usa',
    'u.s.': 'usa',
    'u.s': 'usa',
    america: 'usa',
    usa: 'usa',
    'u.s.a.': 'usa',
    'united kingdom': 'uk',
    britain: 'uk',
    'great britain': 'uk',
    'u.k.': 'uk',
    uk: 'uk',
    england: 'uk',
    'european union': 'eu',
    eu: 'eu',
    'e.u.': 'eu',
    'north atlantic treaty organization': 'nato',
    nato: 'nato',
    'united nations': 'un',
    un: 'un',
    'u.n.': 'un',
    'soviet union': 'ussr',
    ussr: 'ussr',
    'russian federation': 'russia',
    kyiv: 'kyiv',
    kiev: 'kyiv',
    'european commission': 'european commission',
    'eu commission': 'european commission',
    'd.c.': 'washington',
    'washington d.c.': 'washington',
    'washington, d.c.': 'washington',
  }),
);

export const COUNTRIES = new Set(
  list(`afghanistan; albania; algeria; argentina; armenia; australia; austria; azerbaijan; bahrain; bangladesh;
  belarus; belgium; bolivia; bosnia; brazil; bulgaria; cambodia; cameroon; canada; chile; china; colombia;
  congo; croatia; cuba; cyprus; czechia; czech republic; denmark; ecuador; egypt; estonia; ethiopia;
  finland; france; georgia; germany; ghana; greece; hungary; iceland; india; indonesia; iran; iraq; ireland;
  israel; italy; japan; jordan; kazakhstan; kenya; kosovo; kuwait; latvia; lebanon; libya; lithuania;
  luxembourg; malaysia; mali; mexico; moldova; mongolia; montenegro; morocco; myanmar; nepal; netherlands;
  new zealand; niger; nigeria; north korea; norway; oman; pakistan; palestine; panama; peru; philippines;
  poland; portugal; qatar; romania; russia; rwanda; saudi arabia; serbia; singapore; slovakia; slovenia;
  somalia; south africa; south korea; spain; sri lanka; sudan; sweden; switzerland; syria; taiwan;
  tajikistan; tanzania; thailand; tunisia; turkey; turkmenistan; uganda; ukraine; uzbekistan; venezuela;
  vietnam; yemen; zambia; zimbabwe; usa; uk; gaza; crimea; europe; asia; africa; antarctica; arctic`),
);

export const REGIONS_AND_CITIES = new Set(
  list(`alabama; alaska; arizona; arkansas; california; colorado; connecticut; delaware; florida; hawaii; idaho;
  illinois; indiana; iowa; kansas; kentucky; louisiana; maine; maryland; massachusetts; michigan; minnesota;
  mississippi; missouri; montana; nebraska; nevada; new hampshire; new jersey; new mexico; new york;
  north carolina; north dakota; ohio; oklahoma; oregon; pennsylvania; rhode island; south carolina;
  south dakota; tennessee; texas; utah; vermont; virginia; west virginia; wisconsin; wyoming; washington;
  anchorage; miami; chicago; boston; los angeles; san francisco; seattle; houston; dallas; atlanta;
  london; paris; berlin; moscow; kyiv; kharkiv; odesa; lviv; donetsk; luhansk; zaporizhzhia; kherson;
  mariupol; bakhmut; minsk; warsaw; vienna; rome; madrid; brussels; geneva; istanbul; ankara; beijing;
  tokyo; delhi; new delhi; jerusalem; tel aviv; tehran; riyadh; doha; dubai; cairo; helsinki; stockholm;
  oslo; copenhagen; budapest; prague; bucharest; sofia; athens; lisbon; dublin; amsterdam; the hague;
  munich; hamburg; milan; toronto; ottawa; montreal; sydney; canberra; kremlin; white house; pentagon;
  oval office; downing street; donbas; eastern europe; western europe; middle east; black sea`),
);

/**
 * Where a place lies (place → the place containing it), so a city is not contradicted by its own state
 * or a building by its city ("in Anchorage" / "in Alaska", "the Kremlin" / "Moscow"). Each line is a
 * container, then its places.
 */
const CONTAINS = `
alaska: anchorage; juneau; fairbanks
florida: miami; orlando; tampa; jacksonville; palm beach; mar-a-lago
illinois: chicago
massachusetts: boston
california: los angeles; san francisco; san diego; sacramento; silicon valley
washington state: seattle
texas: houston; dallas; austin; san antonio; el paso
georgia state: atlanta
new york: new york city; manhattan; brooklyn; queens; the bronx; buffalo; albany
pennsylvania: philadelphia; pittsburgh
arizona: phoenix
nevada: las vegas
colorado: denver
michigan: detroit
louisiana: new orleans
usa: washington; white house; pentagon; oval office; capitol hill; camp david; alaska; florida; illinois;
  massachusetts; california; texas; new york; pennsylvania; arizona; nevada; colorado; michigan; louisiana
washington: white house; pentagon; oval office; capitol hill
white house: oval office
moscow: kremlin; red square
russia: moscow; st petersburg; saint petersburg; kursk; belgorod; rostov; sochi; kaliningrad; novosibirsk;
  vladivostok
uk: london; manchester; birmingham; liverpool; glasgow; edinburgh; cardiff; belfast; leeds; bristol;
  scotland; wales; northern ireland
london: downing street; westminster
ukraine: kyiv; kharkiv; odesa; lviv; donetsk; luhansk; zaporizhzhia; kherson; mariupol; bakhmut; dnipro;
  donbas; crimea
donbas: donetsk; luhansk; bakhmut; mariupol
france: paris; marseille; lyon; nice; toulouse; bordeaux; strasbourg
germany: berlin; munich; hamburg; frankfurt; cologne; stuttgart; dresden; leipzig
italy: rome; milan; naples; turin; florence; venice
spain: madrid; barcelona; valencia; seville; bilbao
portugal: lisbon; porto
netherlands: amsterdam; the hague; rotterdam
belgium: brussels; antwerp
switzerland: geneva; zurich; bern; davos; basel
austria: vienna; salzburg
poland: warsaw; krakow; gdansk
japan: tokyo; osaka; kyoto; yokohama; sapporo; nagoya; fukuoka; kobe; hiroshima
china: beijing; shanghai; shenzhen; guangzhou; wuhan; chengdu; hong kong; tianjin
india: delhi; new delhi; mumbai; bangalore; bengaluru; kolkata; chennai; hyderabad
south korea: seoul; busan
north korea: pyongyang
turkey: istanbul; ankara; izmir
israel: jerusalem; tel aviv; haifa
iran: tehran
iraq: baghdad; mosul; basra; erbil
syria: damascus; aleppo
egypt: cairo; alexandria
saudi arabia: riyadh; jeddah; mecca
qatar: doha
uae: dubai; abu dhabi
canada: toronto; ottawa; montreal; vancouver; calgary
australia: sydney; canberra; melbourne; brisbane; perth
brazil: sao paulo; rio de janeiro; brasilia
mexico: mexico city; guadalajara; monterrey
argentina: buenos aires
nigeria: lagos; abuja
kenya: nairobi
south africa: johannesburg; cape town; pretoria
sweden: stockholm
norway: oslo
denmark: copenhagen
finland: helsinki
hungary: budapest
czechia: prague
romania: bucharest
bulgaria: sofia
greece: athens
ireland: dublin
belarus: minsk
`;

/** place → the places that contain it, nearest first. */
export const CONTAINERS: ReadonlyMap<string, readonly string[]> = (() => {
  const parent = new Map<string, string[]>();
  for (const line of CONTAINS.trim().split(/\n(?!\s)/)) {
    const [container, places] = line.split(':') as [string, string];
    for (const place of list(places)) parent.set(place, [...(parent.get(place) ?? []), container.trim()]);
  }
  const out = new Map<string, string[]>();
  const up = (k: string, seen: Set<string>): string[] => {
    for (const p of parent.get(k) ?? []) {
      if (seen.has(p)) continue;
      seen.add(p);
      up(p, seen);
    }
    return [...seen];
  };
  for (const k of parent.keys()) out.set(k, up(k, new Set()));
  return out;
})();

export const ORGANIZATIONS = new Set(
  list(`nato; eu; un; ussr; european commission; european council; european parliament; congress; senate;
  kremlin; pentagon; white house; state department; reuters; cnn; abc; bbc; nbc; cbs; fox news; ap;
  associated press; afp; bloomberg; politico; new york times; washington post; wall street journal;
  financial times; the guardian; imf; world bank; who; wto; opec; g7; g20; red cross; fbi; cia; nasa;
  federal reserve; supreme court; coalition of the willing; nato review`),
);

/** Demonyms and adjectives → country key: 'Russian forces' is about Russia. */
export const DEMONYMS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    russian: 'russia',
    russians: 'russia',
    ukrainian: 'ukraine',
    ukrainians: 'ukraine',
    american: 'usa',
    americans: 'usa',
    german: 'germany',
    germans: 'germany',
    french: 'france',
    british: 'uk',
    chinese: 'china',
    european: 'europe',
    europeans: 'europe',
    polish: 'poland',
    italian: 'italy',
    spanish: 'spain',
    japanese: 'japan',
    indian: 'india',
    israeli: 'israel',
    israelis: 'israel',
    palestinian: 'palestine',
    iranian: 'iran',
    turkish: 'turkey',
    canadian: 'canada',
    mexican: 'mexico',
    syrian: 'syria',
    soviet: 'ussr',
    western: 'west',
    finnish: 'finland',
    swedish: 'sweden',
    dutch: 'netherlands',
  }),
);

/**
 * Role titles, longest first when matched. A title directly before a name attaches to that person
 * ('Secretary of State Marco Rubio'); lowercase forms count too ('U.S. envoy Steve Witkoff').
 */
export const ROLE_TITLES: string[] =
  list(`secretary of state; secretary-general; secretary general; vice president;
  prime minister; foreign minister; defense minister; defence minister; finance minister; interior minister;
  special envoy; national security adviser; attorney general; chief of staff; commission president;
  president; chancellor; senator; sen.; representative; rep.; congressman; congresswoman; governor; gov.;
  mayor; minister; secretary; envoy; ambassador; general; gen.; admiral; king; queen; prince; princess;
  pope; chairman; chairwoman; chair; ceo; director; commissioner; spokesman; spokeswoman; spokesperson;
  judge; justice; speaker; commander; premier; lawmaker; leader; dr.; mr.; mrs.; ms.; sheriff; emissary`);

/** Roles too generic to tell people apart or to flag as a discrepancy. */
export const GENERIC_ROLES = new Set(
  list(`leader; mr.; mrs.; ms.; dr.; lawmaker; spokesman; spokeswoman; spokesperson`),
);

/** Words inside a capitalised name that make it an organisation rather than a person. */
export const ORG_WORDS = new Set(
  list(`organization; organisation; commission; ministry; council; union; party; company; inc; corp; bank;
  university; agency; department; court; committee; treaty; parliament; congress; senate; army; forces;
  administration; alliance; coalition; institute; association; group; office; federation; review; news;
  times; post; journal; fund; foundation; police; navy; service`),
);

export const PERSON_PARTICLES = new Set(
  list(`von; der; van; de; da; del; di; la; le; bin; al; ibn; el; dos`),
);

export function placeKey(lower: string): string | undefined {
  const k = ALIASES.get(lower) ?? lower;
  if (COUNTRIES.has(k) || REGIONS_AND_CITIES.has(k) || CONTAINERS.has(k)) return k;
  return undefined;
}
