import { MyMembershipsDocument } from '@perfanalysis/sdk';
import { describeError } from '../api/describeError.js';
import { h, replaceChildren } from '../dom/h.js';
import type { AppContext } from './appContext.js';
import type { RouteName } from './routes.js';

interface NavItem {
  readonly label: string;
  readonly href: string;
  readonly routes: readonly RouteName[];
  readonly admin?: boolean;
  /** Shown from ANALYST up (VIEWERs cannot render reports). */
  readonly analyst?: boolean;
}

const NAV: readonly NavItem[] = [
  { label: 'Collectors', href: '#/', routes: ['collectors', 'collectorList', 'collector'] },
  { label: 'Compare', href: '#/compare', routes: ['compare'], analyst: true },
  { label: 'Report archive', href: '#/reports/archive', routes: ['reportArchive'], analyst: true },
  { label: 'Manage collectors', href: '#/admin/collectors', routes: ['adminCollectors'], admin: true },
  { label: 'Users & roles', href: '#/admin/users', routes: ['adminUsers'], admin: true },
  { label: 'Invitations', href: '#/invitations', routes: ['invitations'] },
];

/** The frame around every signed-in page: skip link, navigation, tenant switch, user, logout. */
export class Shell {
  readonly element: HTMLElement;
  readonly main: HTMLElement = h('main', { id: 'main', class: 'main', tabindex: '-1' });
  private readonly links: { item: NavItem; link: HTMLAnchorElement }[];
  private readonly tenantSlot: HTMLElement = h('div', { class: 'tenant-switch' });
  private disposed = false;

  constructor(private readonly ctx: AppContext) {
    const session = ctx.session();
    const admin = session.role === 'ADMIN';
    const analyst = admin || session.role === 'ANALYST';
    this.links = NAV.filter((item) => (!item.admin || admin) && (!item.analyst || analyst)).map((item) => ({
      item,
      link: h('a', { href: item.href, class: 'nav-link' }, item.label),
    }));
    const logout = h('button', { type: 'button', class: 'button button-quiet', id: 'logout' }, 'Log out');
    logout.addEventListener('click', () => {
      logout.disabled = true;
      void ctx.auth.logout();
    });
    this.element = h(
      'div',
      { class: 'shell' },
      h('button', { type: 'button', class: 'skip-link', onclick: () => this.focusMain() }, 'Skip to content'),
      h(
        'header',
        { class: 'topbar' },
        h('a', { href: '#/', class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'PerfAnalysis'),
        h('nav', { class: 'nav', 'aria-label': 'Main' }, h('ul', null, ...this.links.map(({ link }) => h('li', null, link)))),
        h(
          'div',
          { class: 'topbar-user' },
          this.tenantSlot,
          h('span', { class: 'user-email', title: session.user.displayName }, session.user.email),
          session.role ? h('span', { class: `role-badge role-${session.role.toLowerCase()}` }, session.role) : null,
          logout,
        ),
      ),
      this.main,
    );
    replaceChildren(this.tenantSlot, h('span', { class: 'tenant-name' }, session.tenant?.name ?? 'No tenant'));
    void this.loadTenants();
  }

  setActive(route: RouteName | undefined): void {
    for (const { item, link } of this.links) {
      if (route && item.routes.includes(route)) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  }

  focusMain(): void {
    const heading = this.main.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    } else this.main.focus({ preventScroll: true });
  }

  dispose(): void {
    this.disposed = true;
  }

  /** Tenants the user belongs to: a select to switch between them when there is more than one. */
  private async loadTenants(): Promise<void> {
    const session = this.ctx.session();
    let memberships;
    try {
      ({ myMemberships: memberships } = await this.ctx.api.request(MyMembershipsDocument, {}));
    } catch (error) {
      if (!this.disposed) this.tenantSlot.title = describeError(error).title;
      return;
    }
    if (this.disposed || memberships.length < 2) return;
    const select = h(
      'select',
      { id: 'tenant-select', class: 'select' },
      ...memberships.map((m) =>
        h('option', { value: m.tenant.slug, selected: m.tenant.id === session.tenant?.id }, `${m.tenant.name} (${m.role})`),
      ),
    );
    if (!session.tenant) select.prepend(h('option', { value: '', selected: true, disabled: true }, 'Choose a tenant'));
    select.addEventListener('change', () => {
      select.disabled = true;
      this.ctx.auth.switchTenant(select.value).catch((error: unknown) => {
        select.disabled = false;
        select.value = session.tenant?.slug ?? '';
        this.tenantSlot.append(h('span', { class: 'field-error', role: 'alert' }, describeError(error).title));
      });
    });
    replaceChildren(this.tenantSlot, h('label', { class: 'visually-hidden', for: 'tenant-select' }, 'Tenant'), select);
  }
}
