import type { Locale } from '@ogp/common';

const SELECTOR = 'link[rel="alternate"][type="application/atom+xml"]';

/**
 * Offers the plan's Atom feed (in the page's language) to browsers and feed readers from the head of every page
 * of the plan; a page of no plan offers none.
 */
export function showPlanFeed(slug: string | null, locale?: Locale, title?: string): void {
  let link = document.head.querySelector<HTMLLinkElement>(SELECTOR);
  if (!slug || !locale) {
    link?.remove();
    return;
  }
  if (!link) {
    link = document.createElement('link');
    link.rel = 'alternate';
    link.type = 'application/atom+xml';
    document.head.append(link);
  }
  link.href = `/api/plans/${encodeURIComponent(slug)}/feed.atom?lang=${locale}`;
  if (title) link.title = title;
}

/** The catalogue's link (in index.html) titled in the page's language. */
export function titleCatalogLink(title: string): void {
  const link = document.head.querySelector<HTMLLinkElement>(
    'link[rel="alternate"][type="application/ld+json"]',
  );
  if (link) link.title = title;
}
