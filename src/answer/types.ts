/**
 * Answers are plain data: the answer layer computes them, renderers (console text, JSON, Slack
 * Block Kit) only format them. Every surface shares these types.
 */
import type { Role } from '../roles/schema.js';
import type { Understood } from '../words/expand.js';

export type { Understood } from '../words/expand.js';

export type Intent = 'role' | 'who' | 'field';
export type Field = 'reportsTo' | 'department' | 'directReports' | 'duties' | 'requirements';

/** A role with its match score (higher is better, comparable within one answer only). */
export type Ranked = { role: Role; score: number };

/** A role named in another role's text (reportsTo, directReports), resolved to a record when one exists. */
export type RoleLink = { name: string; role: Role | null };

/** A duty line that matched a "who handles X" question; marks are [start, end) UTF-16 offsets into text. */
export type Evidence = { index: number; text: string; marks: Array<[number, number]> };

/** Reporting line around one role: up to 3 levels upward (nearest first) and its direct reports. */
export type ReportingLine = { chain: RoleLink[]; directReports: RoleLink[] };

export type RoleAnswer = {
  kind: 'role';
  question: string;
  intent: 'role';
  best: Ranked;
  /** Other roles that match as well (same or similar title elsewhere), best first; never merged. */
  alternatives: Ranked[];
  reporting: ReportingLine;
};

export type FieldAnswer = {
  kind: 'field';
  question: string;
  intent: 'field';
  field: Field;
  best: Ranked;
  alternatives: Ranked[];
  reporting: ReportingLine;
  /** The field's value as text ('' when the document does not state it). */
  answer: string;
};

export type WhoAnswer = {
  kind: 'who';
  question: string;
  intent: 'who';
  /** The duty words searched for, scaffolding stripped. */
  topic: string;
  hits: Array<Ranked & { evidence: Evidence[] }>;
};

export type NotFoundAnswer = {
  kind: 'notFound';
  question: string;
  intent: Intent;
  field?: Field;
  /** What was searched for after normalization. */
  query: string;
  suggestions: Ranked[];
};

export type HelpAnswer = { kind: 'help'; question: string; intent: 'role' };

/**
 * Every answer may say the language it was asked in (renderers label in it; document text stays as written)
 * and, when it was found through a glossary entry, a synonym or a translation, what was understood.
 */
export type Understanding = { lang?: 'zh' | 'en'; understood?: Understood };

export type Answer = (RoleAnswer | FieldAnswer | WhoAnswer | NotFoundAnswer | HelpAnswer) & Understanding;

/** What every surface needs from the answer layer. Implementations never throw on any input. */
export interface Answerer {
  ask(question: string): Answer;
  /** The card for one role (buttons in Slack carry a role id); notFound when the id is unknown. */
  roleById(id: string): Answer;
}
