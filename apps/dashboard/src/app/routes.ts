import { Role } from '@ogp/common';
import type { MessageKey } from '../i18n';
import { OverviewPage } from '../pages/overview';
import type { PageView } from './page';

type PageClass = new () => PageView;

export interface RouteDefinition {
  name: string;
  /** The path, with named groups for its parts. */
  pattern: RegExp;
  load: () => Promise<PageClass>;
  /** Public figures: the as-of picker shows, and links between such pages keep the day. */
  asOf?: boolean;
  /** Who may open it (any of these roles); the signed-out are sent to sign in first. */
  roles?: readonly Role[];
  /** The page's meta description ({title}: the page's title); a general one when none is given. */
  description?: MessageKey;
}

const ogpId = '(?<ogpId>[^/]+)';
const slug = '(?<slug>[^/]+)';

// The overview is the landing page and loads with the app; the rest load when first opened.
export const ROUTES: readonly RouteDefinition[] = [
  {
    name: 'plans',
    description: 'metaPlans',
    pattern: /^\/plans\/?$/,
    load: async () => (await import('../pages/plan-list')).PlanListPage,
    asOf: true,
  },
  {
    name: 'overview',
    description: 'metaOverview',
    pattern: new RegExp(`^/plans/${slug}/?$`),
    load: () => Promise.resolve(OverviewPage),
    asOf: true,
  },
  {
    name: 'theme',
    description: 'metaTheme',
    pattern: new RegExp(`^/plans/${slug}/themes/(?<themeKey>[^/]+)/?$`),
    load: async () => (await import('../pages/theme')).ThemePage,
    asOf: true,
  },
  {
    name: 'agency',
    description: 'metaAgency',
    pattern: new RegExp(`^/plans/${slug}/agencies/(?<agencySlug>[^/]+)/?$`),
    load: async () => (await import('../pages/agency')).AgencyPage,
    asOf: true,
  },
  {
    name: 'commitment',
    description: 'metaCommitment',
    pattern: new RegExp(`^/commitments/${ogpId}/?$`),
    load: async () => (await import('../pages/commitment')).CommitmentPage,
    asOf: true,
  },
  {
    name: 'accessibility',
    description: 'metaAccessibility',
    pattern: /^\/accessibility\/?$/,
    load: async () => (await import('../pages/accessibility')).AccessibilityPage,
  },
  {
    name: 'sign-in',
    description: 'metaSignIn',
    pattern: /^\/sign-in\/?$/,
    load: async () => (await import('../pages/sign-in')).SignInPage,
  },
  {
    name: 'my-milestones',
    pattern: /^\/my-milestones\/?$/,
    load: async () => (await import('../pages/my-milestones')).MyMilestonesPage,
    roles: [Role.COORDINATOR, Role.ADMIN],
  },
  {
    name: 'report',
    pattern: new RegExp(`^/commitments/${ogpId}/milestones/(?<milestoneId>[^/]+)/report/?$`),
    load: async () => (await import('../pages/milestone-report')).MilestoneReportPage,
    roles: [Role.COORDINATOR, Role.ADMIN],
  },
  {
    name: 'review',
    pattern: /^\/review\/?$/,
    load: async () => (await import('../pages/review')).ReviewPage,
    roles: [Role.REVIEWER, Role.ADMIN],
  },
  {
    name: 'verify',
    pattern: new RegExp(`^/commitments/${ogpId}/milestones/(?<milestoneId>[^/]+)/verify/?$`),
    load: async () => (await import('../pages/verify-milestone')).VerifyMilestonePage,
    roles: [Role.REVIEWER, Role.ADMIN],
  },
  {
    name: 'assess',
    pattern: new RegExp(`^/commitments/${ogpId}/assess/?$`),
    load: async () => (await import('../pages/assess-commitment')).AssessCommitmentPage,
    roles: [Role.REVIEWER, Role.ADMIN],
  },
  {
    name: 'admin-users',
    pattern: /^\/admin\/users\/?$/,
    load: async () => (await import('../pages/admin-users')).AdminUsersPage,
    roles: [Role.ADMIN],
  },
  {
    name: 'admin-agencies',
    pattern: /^\/admin\/agencies\/?$/,
    load: async () => (await import('../pages/admin-agencies')).AdminAgenciesPage,
    roles: [Role.ADMIN],
  },
  {
    name: 'admin-import',
    pattern: /^\/admin\/import\/?$/,
    load: async () => (await import('../pages/admin-import')).AdminImportPage,
    roles: [Role.ADMIN],
  },
];

export interface RouteMatch {
  route: RouteDefinition;
  params: Record<string, string>;
}

export function matchRoute(pathname: string): RouteMatch | null {
  for (const route of ROUTES) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(match.groups ?? {})) {
      params[name] = decodeURIComponent(value);
    }
    return { route, params };
  }
  return null;
}
