/**
 * The answer layer: question → plain answer data (src/answer/types.ts). Shared by the ask CLI, the console
 * and the Slack app. Never throws: any failure becomes a notFound answer.
 */
import type Database from 'better-sqlite3';
import type { Role } from '../roles/schema.js';
import { openIndex, readMeta } from '../store/db.js';
import { DutySearch, whoEvidence } from '../search/duties.js';
import { Vocabulary } from '../search/fts.js';
import { parseQuestion } from '../search/question.js';
import { qualifiedReadings, qualifies } from '../search/qualifier.js';
import { cutWords, departmentLead } from '../search/words.js';
import { FIELD_BITS } from '../search/indexer.js';
import { FOUND_SCORE, TitleMatcher } from '../search/titles.js';
import { bigramTokens, canonical, normalizeKey } from '../text/normalize.js';
import { WordExpander } from '../words/expand.js';
import { GLOSSARY_META, Glossary } from '../words/glossary.js';
import { matchNames, searchTopics } from '../words/match.js';
import { wordTable } from '../words/table.js';
import { chineseInEnglish, chineseReadings, englishReadings, rankByHead, withGuesses } from './heads.js';
import { EXACT_NAME, ReportingLines } from './reporting.js';
import { fieldText } from './fields.js';
import type { Answer, Answerer, Evidence, Field, Ranked, Understood } from './types.js';

/** Best plus alternatives: enough for a "did you mean" list, few enough to parse quickly at 100k roles. */
const MAX_RESULTS = 6;
const WHO_RESULTS = 5;
const WHO_CANDIDATES = 15;
/** Candidates searched for a department's roles: the department filters them after the search. */
const DEPARTMENT_POOL = 200;
const ALTERNATIVE_GAP = 0.2;
const ALIAS_SCORE = 0.98;
/**
 * A role card is shown only for a confident name match; a weaker one (accountant → Technical Account Manager)
 * is offered as a guess among the candidates, and a name sharing no more than a character (出纳 → 出品督导) is
 * not offered at all. Measured on the dev title questions: of top names scoring 0.6–0.75 most were wrong, below 0.5 all.
 */
const CONFIDENT_SCORE = 0.75;
const SUGGEST_SCORE = 0.5;
/** Deputy and assistant ranks, and how much a near name adding one counts. */
const DEPUTY = /副|助理|assistant|deputy/i;
const DEPUTY_FACTOR = 0.93;
/** A run of two or more BMP Han characters, already in search form. */
const HAN_WORD = /^[\u4e00-\u9fff]{2,}$/;

type Row = { rowid: number; role: Role; alias: boolean };

export class AnswerEngine implements Answerer {
  private readonly titles: TitleMatcher;
  private readonly duties: DutySearch;
  private readonly byKey: Database.Statement;
  private readonly byKeyWithField: Database.Statement;
  private readonly byRowid: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly lines: ReportingLines;
  private readonly namesAmong: Database.Statement;
  private readonly vocab: Vocabulary;
  private readonly glossary: Glossary;
  private expander: WordExpander | null = null;

  constructor(db: Database.Database) {
    const vocab = (this.vocab = new Vocabulary(db));
    this.glossary = Glossary.fromStored(readMeta(db, GLOSSARY_META));
    this.titles = new TitleMatcher(db, vocab);
    this.duties = new DutySearch(db, vocab);
    // roles sharing a name, fullest first; each form is served by a title_keys index, so a name shared by
    // thousands of roles costs no more than a rare one
    const select = 'SELECT r.rowid AS rowid, r.json AS json, k.kind AS kind FROM title_keys k JOIN roles r ON r.rowid = k.role WHERE k.key = @key';
    // kind DESC puts 'title' before 'alias': roles titled so come before roles that only have it as an alias
    const order = 'ORDER BY k.kind DESC, k.richness DESC, k.rowid LIMIT @limit';
    this.byKey = db.prepare(`${select} ${order}`);
    this.byKeyWithField = db.prepare(`${select} AND (k.fields & @want) != 0 ${order}`);
    this.byRowid = db.prepare('SELECT rowid, json FROM roles WHERE rowid = ?');
    this.byId = db.prepare('SELECT rowid, json FROM roles WHERE id = ?');
    this.lines = new ReportingLines(db, this.titles);
    this.namesAmong = db.prepare('SELECT DISTINCT key FROM title_keys WHERE key IN (SELECT value FROM json_each(?))').pluck();
  }

  ask(question: string): Answer {
    const q = typeof question === 'string' ? question : String(question ?? '');
    try {
      return this.answer(q);
    } catch {
      return { kind: 'notFound', question: q, intent: 'role', query: '', suggestions: [] };
    }
  }

  roleById(id: string): Answer {
    const question = typeof id === 'string' ? id : String(id ?? '');
    try {
      const row = this.row(this.byId.get(question));
      if (!row) return { kind: 'notFound', question, intent: 'role', query: question, suggestions: [] };
      const best = { role: row.role, score: 1 };
      return { kind: 'role', question, intent: 'role', best, alternatives: [], reporting: this.lines.line(row.role) };
    } catch {
      return { kind: 'notFound', question, intent: 'role', query: question, suggestions: [] };
    }
  }

  /** The word table is read on the first question that needs it (English, or a title not found as typed). */
  private get words(): WordExpander {
    this.expander ??= new WordExpander(wordTable(), this.glossary);
    return this.expander;
  }

  private answer(question: string): Answer {
    // a role's name as typed, or through a synonym or the glossary (司机归谁管 asks about 驾驶员's boss)
    const isTitle = (k: string) => this.titles.exact(k).length > 0 || this.words.titleVariants(k, false, this.known).some((v) => this.titles.hasName(v.text));
    const parsed = parseQuestion(question, isTitle);
    // nothing asked about (who can help?): how to ask
    if (!parsed.key || (parsed.intent === 'who' && !(parsed.phrase ?? parsed.topic).trim())) return { kind: 'help', question, intent: 'role', ...(parsed.lang === 'en' ? { lang: 'en' } : {}) };
    const lang = { lang: parsed.lang };
    // English words are translated, in an English question or a Chinese one (cashier主要干什么), slips of the
    // keyboard read as meant (recepionist)
    const english = parsed.lang === 'en' || parsed.phrase !== undefined;
    if (parsed.phrase) parsed.phrase = this.words.spelled(parsed.phrase);
    if (parsed.intent === 'who') return { ...this.who(question, english ? (parsed.phrase ?? parsed.topic) : parsed.topic, english), ...lang };

    // a title with its department or document (市场管理中心的客服主管) first, then names as typed or through words
    const qualified = english ? null : this.qualified(parsed.subjects, parsed.field);
    const titled = qualified ? { ranked: qualified, understood: undefined } : this.rankTitles(parsed.subjects, parsed.field, english ? parsed.phrase : undefined);
    const { understood } = titled;
    // no name close enough: guesses by the kind of post the name ends with (heads.ts)
    const unsure = !qualified && (!titled.ranked.length || titled.ranked[0].score < CONFIDENT_SCORE);
    const ranked = unsure ? withGuesses(titled.ranked, this.byHead(parsed.subjects[0] ?? parsed.key, english ? parsed.phrase : undefined)).slice(0, MAX_RESULTS) : titled.ranked;
    const query = english ? (parsed.phrase ?? parsed.key) : (parsed.subjects[0] ?? parsed.key);
    // a field question names its role on purpose and gets the field of the nearest one; a bare name gets a card only when sure
    const sure = parsed.intent === 'field' ? FOUND_SCORE : CONFIDENT_SCORE;
    if (!ranked.length || ranked[0].score < sure) {
      return { kind: 'notFound', question, intent: parsed.intent, ...(parsed.field ? { field: parsed.field } : {}), query, suggestions: suggestionsOf(ranked), ...lang };
    }
    return { ...this.found(question, parsed.intent, parsed.field, ranked), ...lang, ...(understood ? { understood: { from: query, to: ranked[0].role.title, via: understood.via } } : {}) };
  }

  private found(question: string, intent: 'role' | 'field' | 'who', field: Field | undefined, ranked: Ranked[]): Answer {
    const [best, ...rest] = ranked;
    // alternatives are the same name elsewhere or near misses, not every weak candidate
    const alternatives = rest.filter((r) => r.score >= Math.max(FOUND_SCORE, best.score - ALTERNATIVE_GAP));
    const reporting = this.lines.line(best.role);
    if (intent === 'field' && field) {
      return { kind: 'field', question, intent: 'field', field, best, alternatives, reporting, answer: fieldText(best.role, field, reporting) };
    }
    return { kind: 'role', question, intent: 'role', best, alternatives, reporting };
  }

  /**
   * Roles for the best matching names, best first. Roles sharing a name stay separate (alternatives);
   * among them a field question prefers one that states the field, then the fuller record.
   */
  private rankTitles(subjects: string[], field?: Field, english?: string): { ranked: Ranked[]; understood?: Understood } {
    const out: Ranked[] = [];
    const seen = new Set<string>();
    const want = field ? FIELD_BITS[field] : 0;
    // a field question answers from the best match: near names would only cost time
    const q = { subjects, phrase: english, english: english !== undefined };
    const { matches, understood } = matchNames(this.titles, this.words, q, MAX_RESULTS, { near: !field }, this.known);
    for (const m of matches) {
      const rows = this.rowsFor(m.key, { want, limit: MAX_RESULTS - out.length });
      for (const r of rows) {
        if (seen.has(r.role.id)) continue;
        seen.add(r.role.id);
        // a role that only has the name as an alias ranks below one titled so
        // a near name that adds a deputy's or assistant's rank (行长 → 副行长) is not what was asked for first
        const deputy = m.score < 1 && DEPUTY.test(r.role.title) && !subjects.some((k) => DEPUTY.test(k));
        const score = (r.alias ? Math.min(m.score, ALIAS_SCORE) : m.score) * (deputy ? DEPUTY_FACTOR : 1);
        out.push({ role: r.role, score });
      }
      if (out.length >= MAX_RESULTS) break;
    }
    // best first; a field question keeps the roles that state the field in front
    if (!field) out.sort((a, b) => b.score - a.score);
    return { ranked: out.slice(0, MAX_RESULTS), ...(understood ? { understood } : {}) };
  }

  /** Roles whose names end with the kind of post asked for, ranked by how much of the rest their text bears out. */
  private byHead(subject: string, english?: string): Ranked[] {
    const options = (w: string, title: boolean) => this.words.chineseOptions(w, title);
    const readings = english
      ? englishReadings(english, options)
      : [
          ...chineseReadings(subject, (w) => this.words.abbreviationOptions(w), (h) => this.words.postNames(h)),
          // roles with English titles: the name read in English too (财务助理 → Finance Assistant)
          ...(this.titles.hasEnglishNames ? chineseInEnglish(cutWords(subject), (w) => this.words.englishForChinese(w)) : []),
        ];
    return rankByHead(readings, { names: (h) => this.titles.containing(h, 20), roles: (k) => this.rowsFor(k, { limit: 3 }).map((r) => r.role) });
  }

  /**
   * A title typed with its department or document (市场管理中心的客服主管): the roles of that name it fits first,
   * the others of that name after them as alternatives; null when the question names no role so.
   */
  private qualified(subjects: string[], field?: Field): Ranked[] | null {
    if (!subjects.length || subjects.some((k) => this.titles.exact(k).length > 0)) return null;
    const titlesAmong = (keys: string[]) => new Set(this.namesAmong.all(JSON.stringify(keys)) as string[]);
    // a title and a qualifier take two characters each at least
    for (const subject of subjects.filter((k) => Array.from(k).length >= 4)) {
      for (const { title, qualifier } of qualifiedReadings(subject, titlesAmong)) {
        const { ranked } = this.rankTitles([title], field);
        const fit = ranked.filter((r) => r.score >= EXACT_NAME && qualifies(r.role, qualifier));
        if (fit.length) return [...fit.map((r) => ({ ...r, score: 1 })), ...ranked.filter((r) => !fit.includes(r)).map((r) => ({ ...r, score: Math.min(r.score, 0.9) }))];
      }
    }
    return null;
  }

  /** Whether some duty lines are in English (the, and in 1 % of the roles): Chinese questions are then searched in English too. */
  private get englishLines(): boolean {
    this.hasEnglish ??= this.known('the') + this.known('and') >= Math.max(1, this.vocab.roles / 100);
    return this.hasEnglish;
  }

  private hasEnglish: boolean | undefined;

  /** In how many roles a word's every bigram occurs (at most): 0 means the documents lack it, so a rewrite to it cannot help. */
  private readonly known = (w: string): number => {
    // table and topic words are simplified Han already: their bigrams directly
    const tokens = HAN_WORD.test(w) ? Array.from({ length: w.length - 1 }, (_, i) => w.slice(i, i + 2)) : [...new Set(bigramTokens(canonical(w)))];
    return tokens.length ? Math.min(...tokens.map((t) => this.vocab.docs(t))) : 0;
  };

  private who(question: string, topic: string, english: boolean): Answer {
    // 市场管理中心谁负责投诉: the complaint handlers of that department, when it has any
    const lead = english ? null : departmentLead(topic);
    const inDepartment = lead ? this.rankWho(lead.rest, DEPARTMENT_POOL, (r) => qualifies(r, lead.department)) : [];
    const { hits, understood } = inDepartment.length
      ? { hits: inDepartment.map((h) => ({ id: h.role.id, score: h.score, hit: h })), understood: undefined }
      : searchTopics(this.words, { topic, english, englishLines: this.englishLines }, this.known, (t) => this.whoHits(t));
    if (!hits.length) {
      const suggestions = suggestionsOf(this.rankTitles([normalizeKey(topic)], undefined, english ? topic : undefined).ranked);
      return { kind: 'notFound', question, intent: 'who', query: topic, suggestions };
    }
    const top = hits.slice(0, WHO_RESULTS).map((h) => ({ ...h.hit, score: h.score }));
    return { kind: 'who', question, intent: 'who', topic, hits: top, ...(understood ? { understood } : {}) };
  }

  /** Roles whose duties match one topic's words, best first (the unit the word rewrites search with). */
  private whoHits(topic: string): { id: string; score: number; hit: Ranked & { evidence: Evidence[] } }[] {
    return this.rankWho(topic, WHO_CANDIDATES).map((h) => ({ id: h.role.id, score: h.score, hit: h }));
  }

  /** Roles whose duties hold the topic's words, best first; keep, when given, filters the candidates. */
  private rankWho(topic: string, candidates: number, keep?: (r: Role) => boolean): Array<Ranked & { evidence: Evidence[] }> {
    const query = this.duties.query(topic);
    // more candidates than shown: the bigram search cannot tell words apart, the word ranking below can
    const hits = this.duties.search(query, candidates / 2, candidates);
    const worst = Math.max(...hits.map((h) => -h.bm25), 1e-9);
    const scored = hits.flatMap((h) => {
      const row = this.row(this.byRowid.get(h.rowid));
      if (!row || (keep && !keep(row.role))) return [];
      const { evidence, bestShare, coverage, titleShare } = whoEvidence(row.role, query);
      // one duty line covering the question beats words scattered over a long list
      const words = 0.5 * bestShare + 0.2 * coverage + 0.15 * titleShare;
      return [{ role: row.role, score: words + 0.1 * (-h.bm25 / worst) + (h.all ? 0.05 : 0), words, evidence }];
    });
    // a role whose bigrams matched only across word boundaries (施【工资】料) is no answer when others hold the words
    const worded = scored.filter((s) => s.words > 0);
    return (worded.length ? worded : scored).sort((a, b) => b.score - a.score).map(({ role, score, evidence }) => ({ role, score, evidence }));
  }

  /** Roles with this name, those stating the wanted field first. */
  private rowsFor(key: string, o: { want?: number; limit: number }): Row[] {
    const parse = (rows: unknown[]) => rows.map((r) => this.row(r)).filter((r): r is Row => r !== null);
    const first = o.want ? parse(this.byKeyWithField.all({ key, want: o.want, limit: o.limit })) : [];
    if (first.length >= o.limit) return first;
    const ids = new Set(first.map((r) => r.rowid));
    const rest = parse(this.byKey.all({ key, limit: o.limit })).filter((r) => !ids.has(r.rowid));
    return [...first, ...rest].slice(0, o.limit);
  }

  private row(r: unknown): Row | null {
    if (!r) return null;
    const { rowid, json, kind } = r as { rowid: number; json: string; kind?: string };
    return { rowid, role: JSON.parse(json) as Role, alias: kind === 'alias' };
  }
}

/** Near names worth offering as "did you mean". */
function suggestionsOf(ranked: Ranked[]): Ranked[] {
  return ranked.filter((r) => r.score >= SUGGEST_SCORE).slice(0, 5);
}

/** Open an index file read-only and answer from it. */
export function openAnswerer(dbPath: string): Answerer & { close(): void } {
  const db = openIndex(dbPath);
  try {
    // SQLite's stock 2 MB page cache instead of better-sqlite3's 16 MB: the file's pages stay in the OS cache
    // anyway, and at 100k roles the bigger cache only held the FTS pages read once at open (~14 MB of RSS)
    db.pragma('cache_size = -2000');
    const engine = new AnswerEngine(db);
    return { ask: (q) => engine.ask(q), roleById: (id) => engine.roleById(id), close: () => db.close() };
  } catch (e) {
    db.close();
    // an index written before the search tables changed: say what to do rather than "no such table"
    if (/no such (table|column)/.test((e as Error).message)) {
      throw new Error(`${dbPath} lacks the current search tables (${(e as Error).message}): rebuild it with npm run index`);
    }
    throw e;
  }
}
