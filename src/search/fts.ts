/** FTS5 query text built only from our own tokens, quoted, so user input can never be FTS5 syntax. */
export function ftsQuery(tokens: string[], op: 'AND' | 'OR'): string {
  const uniq = [...new Set(tokens.filter(Boolean))];
  return uniq.map((t) => `"${t.replace(/"/g, '""')}"`).join(` ${op} `);
}
