/** A field question's answer as text. */
import type { Role } from '../roles/schema.js';
import type { Field, ReportingLine } from './types.js';

/** The field's value as text; direct reports also count roles that name this one as their boss. */
export function fieldText(role: Role, field: Field, reporting: ReportingLine): string {
  switch (field) {
    case 'reportsTo':
      return role.reportsTo ?? '';
    case 'department':
      return role.department ?? '';
    case 'directReports':
      return reporting.directReports.map((l) => l.name).join('、');
    case 'duties':
      return role.duties.map((d, i) => `${i + 1}. ${d}`).join('\n');
    case 'requirements':
      return role.requirements.map((d, i) => `${i + 1}. ${d}`).join('\n');
  }
}
