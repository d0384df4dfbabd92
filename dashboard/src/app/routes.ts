import type { AppContext } from './appContext.js';
import type { Page } from '../dom/page.js';
import type { RouteMatch } from '../router/matchRoute.js';
import { collectorsPage } from '../pages/collectorsPage.js';
import { collectorPage } from '../pages/collectorPage.js';
import { adminCollectorsPage } from '../pages/adminCollectorsPage.js';
import { adminUsersPage } from '../pages/adminUsersPage.js';
import { invitationsPage } from '../pages/invitationsPage.js';
import { comparePage } from '../pages/comparePage.js';
import { reportArchivePage } from '../pages/reportArchivePage.js';

export const ROUTES = {
  login: '/login',
  collectors: '/',
  collectorList: '/collectors',
  collector: '/collectors/:id',
  compare: '/compare',
  adminCollectors: '/admin/collectors',
  adminUsers: '/admin/users',
  invitations: '/invitations',
  reportArchive: '/reports/archive',
} as const;

export type RouteName = keyof typeof ROUTES;

/** Routes only an ADMIN may open (the server enforces it too; this only hides them). */
export const ADMIN_ROUTES: ReadonlySet<RouteName> = new Set(['adminCollectors', 'adminUsers']);

export function renderRoute(ctx: AppContext, match: RouteMatch<Exclude<RouteName, 'login'>>): Page {
  switch (match.name) {
    case 'collectors':
    case 'collectorList':
      return collectorsPage(ctx);
    case 'collector':
      return collectorPage(ctx, match.params.id ?? '', match.query);
    case 'compare':
      return comparePage(ctx);
    case 'adminCollectors':
      return adminCollectorsPage(ctx);
    case 'adminUsers':
      return adminUsersPage(ctx);
    case 'invitations':
      return invitationsPage(ctx);
    case 'reportArchive':
      return reportArchivePage(ctx);
  }
}
