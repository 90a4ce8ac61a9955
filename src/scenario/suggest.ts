/** "Did you mean …" hints for misspelt keys and ids, and short renderings of values in messages. */

/**
 * The candidate a misspelt word most likely meant: the nearest within a third of its length in
 * edits, else the one candidate it begins (a shortened name: "consent" for consent_failure, from
 * four letters on), else the one candidate it shares a stem with — at least five letters and two
 * thirds of the shorter word ("demolition" for demolish). Only close calls: a hint that names an
 * unrelated key is worse than none.
 */
export function closest(word: string, candidates: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const limit = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  const extending: string[] = [];
  const stem: string[] = [];
  for (const c of candidates) {
    const other = c.toLowerCase();
    if (lower.length >= 4 && c.length > lower.length && other.startsWith(lower)) extending.push(c);
    const shared = commonPrefix(lower, other);
    if (shared >= 5 && shared * 3 >= 2 * Math.min(lower.length, c.length)) stem.push(c);
    if (Math.abs(c.length - word.length) > limit) continue; // cannot be close: skip the distance
    const d = distance(lower, other);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  if (best !== null && bestDistance <= limit) return best;
  if (extending.length === 1) return extending[0];
  return extending.length === 0 && stem.length === 1 ? stem[0] : null;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

export function didYouMean(word: string, candidates: Iterable<string>): string {
  const hint = closest(word, candidates);
  return hint === null ? "" : ` (did you mean "${hint}"?)`;
}

/** How a reference written as an entry's name is told apart (validate.ts drops the id-format message beside it). */
export const NAME_NOT_ID = "is the name of";

/**
 * Ids by the names the scenario gives them, so a reference written as 湛江市 or 地级市财政资金 — as a
 * planner thinks of them — can be told its id. Every id per name: names need not be unique (two
 * counties may each have a 城关镇), and naming only the first would send the planner to the wrong one.
 * A name is found without its bracketed qualifiers too (withoutBrackets).
 */
export function idsByName(entries: Iterable<{ id: string | undefined; name?: unknown }>): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  const short = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, name: string, id: string) => {
    const named = map.get(name);
    if (!named) map.set(name, [id]);
    else if (!named.includes(id)) named.push(id);
  };
  for (const { id, name } of entries) {
    if (typeof name !== "string" || id === undefined) continue;
    add(ids, name, id);
    const plain = withoutBrackets(name);
    if (plain !== "" && plain !== name) add(short, plain, id);
  }
  // A name as written wins over another entry's name shortened to the same words.
  for (const [name, named] of short) if (!ids.has(name)) ids.set(name, named);
  return ids;
}

/**
 * A name without its bracketed qualifiers, as offices shorten it in their tables:
 * 典型镇培育（"1+4+7+9+N"，不含七个一项目） is written 典型镇培育, 美丽河道（碧道） 美丽河道.
 */
function withoutBrackets(name: string): string {
  return name.replace(/[（(][^（()）]*[)）]/g, "").trim();
}

/**
 * `"湛江市" is the name of region "zhanjiang": write its id`; a name several entries share:
 * `"城关镇" is the name of regions "a-chengguan", "b-chengguan": write the id of the one meant`.
 */
export function nameNotId(written: string, kind: string, ids: readonly string[]): string {
  if (ids.length === 1) return `"${written}" ${NAME_NOT_ID} ${kind} "${ids[0]}": write its id`;
  return `"${written}" ${NAME_NOT_ID} ${kind}s ${ids.map((id) => `"${id}"`).join(", ")}: write the id of the one meant`;
}

/** How a message listing the ids to choose from is told apart (validate.ts drops the id-format message beside it). */
export const IDS_LISTED = "; the scenario's ";

/**
 * The ids to choose from, each with the name planners know it by, for a short list (programmes,
 * sources) where no hint names the one meant: `; the scenario's sources are central（中央补助）, county`.
 */
export function idsListed(kind: string, entries: Iterable<{ id: string | undefined; name?: unknown }>): string {
  const shown = [...entries].flatMap(({ id, name }) => (id === undefined ? [] : [typeof name === "string" && name !== "" && name !== id ? `${id}（${name}）` : id]));
  return `${IDS_LISTED}${kind}s are ${shown.join(", ")}`;
}

/**
 * The help for an unknown id: its id when it is an entry's name, else "did you mean" the nearest id
 * (a leading space and brackets, to follow the message); "" without either.
 */
export function unknownIdHint(written: string, kind: string, byName: ReadonlyMap<string, readonly string[]>, ids: Iterable<string>): string {
  const named = byName.get(written);
  return named !== undefined ? ` (${nameNotId(written, kind, named)})` : didYouMean(written, ids);
}

/**
 * Hints for one run of the checks: the same unknown word gets the same hint without comparing it
 * again, and after HINTS distinct words no more are computed — a table of 100,000 rows naming
 * unknown regions would otherwise compare every row with every region (minutes, measured).
 */
export class Hints {
  private static readonly HINTS = 200;
  private readonly memo = new Map<string, string>();

  didYouMean(word: string, candidates: () => Iterable<string>): string {
    let hint = this.memo.get(word);
    if (hint === undefined) {
      hint = this.memo.size < Hints.HINTS ? didYouMean(word, candidates()) : "";
      this.memo.set(word, hint);
    }
    return hint;
  }
}

/** A value as it would appear in the YAML, short: `"140%"`, `1.4`, `a list`. */
export function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number" && !Number.isFinite(value)) return Number.isNaN(value) ? ".nan" : value > 0 ? ".inf" : "-.inf";
  if (Array.isArray(value)) return "a list";
  if (value !== null && typeof value === "object") return "a mapping";
  return JSON.stringify(value);
}

/** Edit distance counting a swap of neighbours as one edit ("unti" → "unit"), as typos go. */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
