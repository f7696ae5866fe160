import type { Locale } from '@ogp/common';
import { graphql } from '../api/client';
import type { LocalizedText } from '../api/dashboard';
import { fallbackNode } from '../components/fallback-text';
import { h } from '../dom';
import type { Translate } from '../i18n';
import type { RouteMatch } from './routes';
import { appHref } from './url';

// A page that finds nothing is no dead end: it links to the list of plans and to the overview of the plan the
// address most likely meant.

export interface PlanWayOn {
  slug: string;
  countryCode: string;
  isSynthetic: boolean;
  title: LocalizedText;
}

/** At most this many overviews are offered; the plan list holds every plan. */
const MAX_OVERVIEWS = 5;

/**
 * The plans a missing page most likely belongs to: the plan its address names, else those of the country an
 * OGP id starts with ("DK9999": Denmark's), else every plan; real plans before synthetic ones.
 */
export function plansFor(match: RouteMatch | null, plans: readonly PlanWayOn[]): PlanWayOn[] {
  const named = plans.filter((plan) => plan.slug === match?.params.slug);
  if (named.length) return named;
  const country = /^[A-Za-z]{2}/.exec(match?.params.ogpId ?? '')?.[0].toUpperCase();
  const sameCountry = plans.filter((plan) => plan.countryCode === country);
  return [...(sameCountry.length ? sameCountry : plans)]
    .sort((a, b) => Number(a.isSynthetic) - Number(b.isSynthetic))
    .slice(0, MAX_OVERVIEWS);
}

/** The not-found page: its heading, what it means, and the ways on. */
export async function notFoundContent(
  heading: string,
  match: RouteMatch | null,
  locale: Locale,
  t: Translate,
  signal: AbortSignal,
): Promise<HTMLElement[]> {
  let plans: PlanWayOn[] = [];
  try {
    const data = await graphql<{ actionPlans: { nodes: PlanWayOn[] } }>(
      'query NotFoundPlans { actionPlans(first: 100) { nodes { slug countryCode isSynthetic title { da en } } } }',
      {},
      signal,
    );
    plans = plansFor(match, data.actionPlans.nodes);
  } catch {
    // The link to the plan list still leads on.
  }
  return [
    h('h1', { tabindex: '-1' }, heading),
    h('p', { id: 'not-found-intro' }, t('pubNotFoundIntro')),
    h(
      'nav',
      { class: 'ways-on', 'aria-labelledby': 'ways-on-heading' },
      h('h2', { id: 'ways-on-heading' }, t('pubNotFoundWaysOn')),
      h(
        'ul',
        {},
        h('li', {}, h('a', { href: appHref('/plans'), id: 'not-found-plans' }, t('pubPlansTitle'))),
        ...plans.map((plan) =>
          h(
            'li',
            {},
            h(
              'a',
              {
                href: appHref(`/plans/${encodeURIComponent(plan.slug)}`),
                class: 'not-found-overview',
              },
              `${t('pubNotFoundOverview')}: `,
              fallbackNode(plan.title, locale, t) ?? plan.slug,
            ),
          ),
        ),
      ),
    ),
  ];
}
