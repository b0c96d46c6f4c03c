/** Publishing the App Home tab for one user: the view from the current index, insights for admins. */
import type { webApi } from '@slack/bolt';
import { homeView, type HomeData, type HomeState } from '../home/view.js';
import { computeInsights } from '../insights/insights.js';
import type { ListenerDeps } from './reply.js';

/** The admins' summary covers this many days (or the retention limit when shorter). */
export const HOME_INSIGHT_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

function adminInsights(deps: ListenerDeps, roles: Array<{ id: string; title: string }>): HomeData['insights'] {
  if (!deps.log.enabled) return null;
  const since = Date.now() - HOME_INSIGHT_DAYS * DAY_MS;
  const rows = deps.log.rows(since);
  // closest roles from the log only: re-asking every question would make the tab slow to open
  return { days: HOME_INSIGHT_DAYS, questions: rows.length, insights: computeInsights(rows, deps.log.votes(since), { roles }) };
}

export function homeData(deps: ListenerDeps, userId: string): HomeData {
  const catalog = deps.getCatalog?.();
  const departments = catalog?.departments() ?? [];
  const admin = deps.admins.includes(userId);
  return {
    departments,
    changes: catalog?.recentChanges() ?? null,
    insights: admin && catalog ? adminInsights(deps, catalog.roles()) : null,
  };
}

export async function publishHome(deps: ListenerDeps, client: webApi.WebClient, userId: string, state: HomeState): Promise<void> {
  const view = await deps.answers.run(() => homeView(homeData(deps, userId), state));
  await client.views.publish({ user_id: userId, view });
}
