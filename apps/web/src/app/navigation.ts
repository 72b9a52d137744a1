// The sidebar: one entry per line, in display order. Other domains add ONE line here for their main page.
// `labelKey` is an i18next key ("namespace:key"); `roles` limits who sees the entry (absent: every signed-in user).
// Hiding an entry is a convenience only: the API decides who may see what.
import type { Role } from './roles';

export interface NavItem {
  path: string;
  labelKey: string;
  roles?: readonly Role[];
  /** Match nested paths too (default true except for "/"). */
  end?: boolean;
}

export const navigation: NavItem[] = [
  { path: '/', labelKey: 'common:nav.dashboard', end: true },
  { path: '/cases', labelKey: 'common:nav.cases' },
  { path: '/search', labelKey: 'common:nav.search' },
  {
    path: '/victims',
    labelKey: 'victims:nav.victims',
    roles: ['social_worker', 'supervisor', 'administrator', 'analyst'],
  },
  {
    path: '/cooperation',
    labelKey: 'cooperation:nav.cooperation',
    roles: ['investigator', 'analyst', 'prosecutor', 'supervisor', 'administrator'],
  },
  { path: '/training', labelKey: 'training:nav.training' },
  { path: '/audit', labelKey: 'common:nav.audit', roles: ['supervisor', 'administrator'] },
  { path: '/admin/users', labelKey: 'common:nav.users', roles: ['administrator'] },
  { path: '/admin/agencies', labelKey: 'common:nav.agencies', roles: ['administrator'] },
];

export function visibleNavigation(role: string | undefined, items: readonly NavItem[] = navigation): NavItem[] {
  return items.filter(
    (item) => !item.roles || (role !== undefined && (item.roles as readonly string[]).includes(role)),
  );
}
