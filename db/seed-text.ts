/**
 * Post bodies for the demo and benchmark seed (db/seed.ts): short English sentences built from
 * common words, so full-text search on a seeded database behaves as on a real one. Words are drawn
 * with Zipf-like weights (a few words in most posts, a long tail of rare ones), verbs come in several
 * forms ("walk", "walked", "walking": one stem for the porter tokenizer), and some posts carry a
 * #hashtag. Pure and deterministic for a given random source; no database.
 */

export type Random = () => number;

const SUBJECTS = 'I|we|my friend|the team|she|he|they|our neighbours|my sister|my brother|everyone|the kids|my boss|nobody|the whole city|my cat|the dog next door|a stranger|my grandmother|the new intern'.split('|');
const VERBS = [
  'love loved loving', 'walk walked walking', 'make made making', 'read read reading', 'watch watched watching',
  'find found finding', 'cook cooked cooking', 'build built building', 'write wrote writing', 'visit visited visiting',
  'play played playing', 'start started starting', 'finish finished finishing', 'need needed needing', 'try tried trying',
  'fix fixed fixing', 'clean cleaned cleaning', 'paint painted painting', 'plan planned planning', 'share shared sharing',
  'learn learned learning', 'miss missed missing', 'order ordered ordering', 'carry carried carrying', 'forget forgot forgetting',
  'discover discovered discovering', 'photograph photographed photographing', 'restore restored restoring', 'rehearse rehearsed rehearsing',
].map((forms) => forms.split(' '));
const ADJECTIVES = 'new old good great small big quiet busy long short early late cold warm bright dark simple strange lovely terrible favourite local tiny huge fresh green blue red perfect broken'.split(' ');
// Most frequent first; the last few are the rare words a search benchmark looks for.
const NOUNS = (
  'day time coffee work home book friend city train music morning night weekend idea walk garden code ' +
  'house street park dinner lunch breakfast movie song game team office meeting project window door car ' +
  'bike road river beach sea mountain forest tree flower rain sun snow wind sky cloud phone computer ' +
  'letter story picture photo camera bread cake soup tea market shop library school class teacher lesson ' +
  'student report plan question answer problem bug test release server database page website newspaper ' +
  'kitchen bedroom table chair lamp bottle cup plate recipe festival concert museum gallery bridge station ' +
  'airport holiday trip map ticket hotel village island harbour castle tower lake field farm horse bird ' +
  'puzzle chess guitar piano violin drum painting poem novel chapter ' +
  'lighthouse harpsichord origami telescope sourdough marmalade'
).split(' ');
const PLACES = 'at home|in the park|at work|downtown|by the river|on the train|at the market|in the garden|after lunch|this morning|last night|over the weekend|before dinner|in the rain|on the beach|at the library'.split('|');
const OPENERS = ['', '', '', 'Today ', 'Finally ', 'Honestly, ', 'So ', 'Yesterday ', 'Guess what: ', 'Fun fact: '];
const ENDINGS = ['.', '.', '.', '!', '!', '?', '...'];
/** Hashtags posts may carry, most frequent first. */
export const SEED_TAGS = 'coffee music books travel coding weekend food photography garden running football art cinema science history rain sunrise jazz chess sourdough'.split(' ');

/** An index in [0, n) with weight 1/(i+1): item 0 is drawn about `n / ln n` times as often as the last. */
function zipf(rand: Random, n: number): number {
  // Inverse CDF of the continuous 1/(x+1) on [0, n): (n+1)^u - 1.
  return Math.min(n - 1, Math.floor(Math.pow(n + 1, rand()) - 1));
}

const pick = <T,>(rand: Random, list: readonly T[]) => list[zipf(rand, list.length)];
const uniform = <T,>(rand: Random, list: readonly T[]) => list[Math.floor(rand() * list.length)];

function pluralOf(noun: string): string {
  if (/(s|sh|ch|x)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

function nounPhrase(rand: Random): string {
  const noun = pick(rand, NOUNS);
  const plural = rand() < 0.25;
  const word = plural ? pluralOf(noun) : noun;
  const adjective = rand() < 0.4 ? `${uniform(rand, ADJECTIVES)} ` : '';
  const determiner = plural ? uniform(rand, ['the ', 'some ', 'two ', 'many ', '']) : uniform(rand, ['the ', 'a ', 'my ', 'our ', 'this ', 'that ']);
  const article = determiner === 'a ' && /^[aeiou]/.test(adjective || word) ? 'an ' : determiner;
  return `${article}${adjective}${word}`;
}

/** Subjects that take "are" and the verb's plain form ("they walk"); "I" takes "am"; the rest "is" and "walks". */
const PLURAL_SUBJECTS = new Set(['we', 'they', 'our neighbours', 'the kids']);

function predicate(rand: Random, subject: string): string {
  const [base, past, ing] = pick(rand, VERBS);
  const tense = rand();
  const plain = subject === 'I' || PLURAL_SUBJECTS.has(subject);
  if (tense < 0.45) return past;
  if (tense < 0.7) return `${subject === 'I' ? 'am' : plain ? 'are' : 'is'} ${ing}`;
  if (plain) return base;
  return /(s|sh|ch|x|o)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
}

function sentence(rand: Random): string {
  const subject = uniform(rand, SUBJECTS);
  const place = rand() < 0.5 ? ` ${uniform(rand, PLACES)}` : '';
  const text = `${uniform(rand, OPENERS)}${subject} ${predicate(rand, subject)} ${nounPhrase(rand)}${place}`;
  return text[0].toUpperCase() + text.slice(1) + uniform(rand, ENDINGS);
}

/**
 * A post body of one to three sentences, at most `max` code points; with `tagChance`, a #hashtag from
 * SEED_TAGS at the end; `prefix` (such as "@susan ") goes first.
 */
export function seedPostBody(rand: Random, options: { prefix?: string; tagChance?: number; max?: number } = {}): string {
  const max = options.max ?? 280;
  let body = options.prefix ?? '';
  const sentences = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < sentences; i++) {
    const next = sentence(rand);
    if ([...body].length + next.length + 1 > max - 24) break;
    body += (body && !body.endsWith(' ') ? ' ' : '') + next;
  }
  if (rand() < (options.tagChance ?? 0)) body += ` #${pick(rand, SEED_TAGS)}`;
  return body;
}
