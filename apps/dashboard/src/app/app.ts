import { isIsoDate, type Locale } from '@ogp/common';
import { graphql, GraphqlError } from '../api/client';
import { h } from '../dom';
import { formatLongDate, translator, type Translate } from '../i18n';
import { describeError } from '../i18n/error-text';
import { Chrome } from './chrome';
import { showPlanFeed, titleCatalogLink } from './feed-link';
import { followPlan, type PlanActivityEvent } from './live';
import type { PageContext, PageView, QueryChanges } from './page';
import { notFoundContent } from './not-found';
import { matchRoute, type RouteMatch } from './routes';
import {
  fetchSessionUser,
  hasRole,
  rememberedMenu,
  rememberMenu,
  type SessionUser,
} from './session';
import { TableRegions } from './table-regions';
import { appHref, applyQuery, pageLocale } from './url';

/** The `asOf` of the address: none, a day the figures can be read for, or one that cannot be used (and why). */
type AsOfParam =
  { kind: 'none' } | { kind: 'day'; day: string } | { kind: 'malformed' | 'future'; value: string };

/** The page open, without its as-of day: the same figures today (language and filters kept). */
function todayHref(): string {
  const url = new URL(location.href);
  url.searchParams.delete('asOf');
  return `${url.pathname}${url.search}${url.hash}`;
}

function readAsOf(value: string | null): AsOfParam {
  // An empty one is none, as the app's own links treat it.
  if (value === null || value === '') return { kind: 'none' };
  if (!isIsoDate(value) || value < '0001-01-01') return { kind: 'malformed', value };
  // The API's rule: not after today.
  if (value > new Date().toISOString().slice(0, 10)) return { kind: 'future', value };
  return { kind: 'day', day: value };
}
/** Live events often come in bursts (a coordinator saving several milestones): one refresh per burst. */
const LIVE_SETTLE_MS = 300;

interface RenderOptions {
  /** Opened by a link or a form, not by loading or going back: focus moves to the new page's heading. */
  navigation?: boolean;
  live?: boolean;
}

/** The single-page app: the shell (header, footer, language, as-of picker) around one page at a time. */
export class App {
  private readonly main = document.getElementById('main') as HTMLElement;
  private readonly status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  /** Says a past view is one, above the page's figures; empty (and hidden) for today's. */
  private readonly pastView = h('div', { class: 'past-view', id: 'past-view', hidden: true });
  private readonly content = h('div', { id: 'page' });
  private readonly tables = new TableRegions(this.content);
  private readonly description = document.querySelector<HTMLMetaElement>(
    'meta[name="description"]',
  );
  private readonly chrome = new Chrome({
    // Until the session answers, the menu of the last one read: it rarely changes between loads.
    user: () => (this.sessionKnown ? this.user : rememberedMenu()),
    go: (path, query) => this.go(path, query),
    refreshSession: () => this.refreshSession(),
  });

  private user: SessionUser | null = null;
  private sessionKnown = false;
  private sessionRead: Promise<void> | null = null;
  private page: { key: string; view: PageView } | null = null;
  private inFlight: AbortController | null = null;
  private following: { plan: string; stop: () => void } | null = null;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  private liveEvents: PlanActivityEvent[] = [];

  start(): void {
    this.main.append(this.chrome.controls, this.status, this.pastView, this.content);
    window.addEventListener('popstate', () => void this.render());
    // Links inside the app open without a reload; new tabs, downloads and the API's own paths stay with the browser.
    document.addEventListener('click', (event) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest('a');
      if (!link || link.target || link.hasAttribute('download')) return;
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin || !this.isAppPath(url.pathname)) return;
      event.preventDefault();
      if (url.pathname === location.pathname && url.search === location.search && url.hash) {
        location.hash = url.hash;
        return;
      }
      // Another page moves focus to its heading; the same page with other parameters (language, a filter) keeps it.
      const samePage = url.pathname === location.pathname;
      history.pushState(null, '', url);
      void this.render({ navigation: !samePage });
    });
    void this.render();
  }

  private isAppPath(pathname: string): boolean {
    return pathname === '/' || matchRoute(pathname) !== null;
  }

  private go(path: string, query: QueryChanges = {}, options: { replace?: boolean } = {}): void {
    const href = appHref(path, query);
    if (options.replace) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    void this.render({ navigation: true });
  }

  private setQuery(changes: QueryChanges): void {
    const url = new URL(location.href);
    applyQuery(url.searchParams, changes);
    history.pushState(null, '', url);
    void this.render();
  }

  private async refreshSession(): Promise<void> {
    this.sessionRead = fetchSessionUser().then(
      (user) => {
        this.user = user;
        this.sessionKnown = true;
        rememberMenu(user);
      },
      () => {
        this.user = null;
        this.sessionKnown = true;
      },
    );
    await this.sessionRead;
  }

  private async render(options: RenderOptions = {}): Promise<void> {
    const url = new URL(location.href);
    const locale = pageLocale(url);
    const t = translator(locale);
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    if (!this.sessionRead) void this.refreshSession();
    if (url.pathname === '/') {
      await this.openDefaultPlan(url, controller.signal);
      return;
    }
    const match = matchRoute(url.pathname);
    const asOfParam = match?.route.asOf ? readAsOf(url.searchParams.get('asOf')) : readAsOf(null);
    const asOf = asOfParam.kind === 'day' ? asOfParam.day : null;
    // The shell in its final shape before anything is awaited: nothing above the page moves when it loads.
    this.chrome.render(locale, t, match, asOf);
    this.renderPastView(asOf, t, locale);
    this.tables.setLanguage(t);
    titleCatalogLink(t('openDataCatalog'));
    if (!options.live) {
      this.status.textContent = t('loading');
      this.main.setAttribute('aria-busy', 'true');
    }
    if (match?.route.asOf) {
      // Public figures do not depend on who is signed in: they load while the session is read; the menu follows.
      void this.sessionRead?.then(() => {
        if (this.inFlight === controller) this.chrome.renderNav(t);
      });
    } else {
      await this.sessionRead;
      if (controller.signal.aborted) return;
      this.chrome.renderNav(t);
    }
    try {
      if (!match) {
        await this.showNotFound(t('pageNotFound'), null, locale, t, controller.signal);
        return;
      }
      if (asOfParam.kind === 'malformed' || asOfParam.kind === 'future') {
        this.showBadAsOf(asOfParam.kind, asOfParam.value, t);
        return;
      }
      if (match.route.roles && !hasRole(this.user, ...match.route.roles)) {
        if (!this.user) {
          this.go('/sign-in', { next: `${url.pathname}${url.search}` }, { replace: true });
          return;
        }
        this.showMessage(t('forbidden'), t);
        return;
      }
      const view = await this.pageFor(match);
      if (controller.signal.aborted) return;
      const context: PageContext = {
        params: match.params,
        query: url.searchParams,
        locale,
        t,
        asOf,
        user: this.user,
        signal: controller.signal,
        live: !!options.live,
        href: (path, query) => appHref(path, query),
        navigate: (path, query, navigateOptions) => this.go(path, query, navigateOptions),
        setQuery: (changes) => this.setQuery(changes),
        announce: (message) => {
          this.status.textContent = message;
        },
        refreshSession: async () => {
          await this.refreshSession();
          this.chrome.renderNav(t);
        },
      };
      const result = await view.render(context);
      if (controller.signal.aborted) return;
      this.content.hidden = false;
      document.title = `${result.title} · ${t('appName')}`;
      this.describePage(t(match.route.description ?? 'metaDefault', { title: result.title }));
      showPlanFeed(result.livePlan ?? null, locale, t('planFeed'));
      if (options.live) this.announceLive(t);
      else this.status.textContent = '';
      if (asOf) this.chrome.showAsOf(asOf);
      this.follow(asOf ? null : (result.livePlan ?? null));
      if (options.navigation) this.focusHeading();
    } catch (error) {
      if (controller.signal.aborted) return;
      if (error instanceof GraphqlError && error.code === 'UNAUTHENTICATED') {
        this.user = null;
        this.go('/sign-in', { next: `${url.pathname}${url.search}` }, { replace: true });
        return;
      }
      if (error instanceof GraphqlError && error.code === 'NOT_FOUND') {
        await this.showNotFound(t('notFound'), match, locale, t, controller.signal);
        return;
      }
      this.showMessage(t('error', { message: describeError(error, locale) }), t, 'error');
    } finally {
      if (this.inFlight === controller) {
        this.content.hidden = false;
        this.main.removeAttribute('aria-busy');
        // For scripts and tests: which URL the page now shows.
        document.body.dataset.rendered = `${location.pathname}${location.search}`;
        document.body.dataset.ready = 'true';
      }
    }
  }

  /** `/` opens the only plan there is, or the list of plans when there are several (or none). */
  private async openDefaultPlan(url: URL, signal: AbortSignal): Promise<void> {
    let path = '/plans';
    try {
      const data = await graphql<{ actionPlans: { nodes: { slug: string }[] } }>(
        'query Plans { actionPlans(first: 2) { nodes { slug } } }',
        {},
        signal,
      );
      const plans = data.actionPlans.nodes;
      if (plans.length === 1) path = `/plans/${encodeURIComponent(plans[0].slug)}`;
    } catch {
      if (signal.aborted) return;
      // The plan list says what went wrong.
    }
    history.replaceState(null, '', `${path}${url.search}`);
    await this.render();
  }

  private async pageFor(match: RouteMatch): Promise<PageView> {
    const key = `${match.route.name}:${JSON.stringify(match.params)}`;
    if (this.page?.key === key) return this.page.view;
    const Page = await match.route.load();
    this.page?.view.destroy();
    const view = new Page();
    this.page = { key, view };
    // A new page shows once its first render is done, whole: its empty frame never shows and then moves.
    this.content.hidden = true;
    this.content.replaceChildren(view.element);
    return view;
  }

  private describePage(text: string): void {
    this.description?.setAttribute('content', text);
  }

  /** A page that finds nothing, with links on to the plan list and the likely plan's overview. */
  private async showNotFound(
    heading: string,
    match: RouteMatch | null,
    locale: Locale,
    t: Translate,
    signal: AbortSignal,
  ): Promise<void> {
    const content = await notFoundContent(heading, match, locale, t, signal);
    if (signal.aborted) return;
    this.showMessage(heading, t);
    this.content.replaceChildren(...content);
  }

  private showMessage(text: string, t: Translate, kind: 'message' | 'error' = 'message'): void {
    this.page?.view.destroy();
    this.page = null;
    this.follow(null);
    this.content.hidden = false;
    showPlanFeed(null);
    this.content.replaceChildren(
      h('h1', { tabindex: '-1' }, kind === 'error' ? t('errorHeading') : text),
      ...(kind === 'error' ? [h('p', { class: 'error' }, text)] : []),
    );
    document.title = `${kind === 'error' ? t('errorHeading') : text} · ${t('appName')}`;
    this.describePage(t('metaDefault'));
    this.status.textContent = '';
  }

  /** The banner of a past view: the day, in the page's language, and a link to the same page today. */
  private renderPastView(asOf: string | null, t: Translate, locale: Locale): void {
    if (!asOf) {
      this.pastView.hidden = true;
      this.pastView.replaceChildren();
      return;
    }
    this.pastView.hidden = false;
    this.pastView.replaceChildren(
      h(
        'p',
        {},
        t('pastView', { date: formatLongDate(asOf, locale) }),
        ' ',
        h('a', { href: todayHref() }, t('pastViewToday')),
      ),
    );
  }

  /** An `asOf` that cannot be used: said in the reader's language, with a link to today's figures. */
  private showBadAsOf(kind: 'malformed' | 'future', value: string, t: Translate): void {
    this.page?.view.destroy();
    this.page = null;
    this.follow(null);
    const heading = t('asOfInvalidHeading');
    this.content.hidden = false;
    this.describePage(t('metaDefault'));
    this.content.replaceChildren(
      h('h1', { tabindex: '-1' }, heading),
      h('p', { class: 'error' }, t(kind === 'future' ? 'asOfFuture' : 'asOfMalformed', { value })),
      h('p', {}, h('a', { href: todayHref() }, t('pastViewToday'))),
    );
    document.title = `${heading} · ${t('appName')}`;
    this.status.textContent = '';
  }

  private focusHeading(): void {
    const heading = this.content.querySelector<HTMLElement>('h1');
    const target = heading ?? this.main;
    if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: false });
  }

  /** Re-renders the open page when its plan reports progress (today's figures only; a past day does not change). */
  private follow(plan: string | null): void {
    if (this.following?.plan === plan) return;
    this.following?.stop();
    this.following = null;
    if (!plan) return;
    const stop = followPlan(plan, (event) => {
      this.liveEvents.push(event);
      clearTimeout(this.liveTimer);
      this.liveTimer = setTimeout(() => void this.render({ live: true }), LIVE_SETTLE_MS);
    });
    this.following = { plan, stop };
  }

  private announceLive(t: Translate): void {
    const commitments = [...new Set(this.liveEvents.map((event) => event.commitmentOgpId))];
    this.liveEvents = [];
    this.status.textContent = t('liveUpdated', {
      commitments: commitments.join(', '),
      time: new Date().toLocaleTimeString(
        document.documentElement.lang === 'da' ? 'da-DK' : 'en-GB',
        {
          hour: '2-digit',
          minute: '2-digit',
        },
      ),
    });
    document.body.dataset.liveUpdates = String(Number(document.body.dataset.liveUpdates ?? 0) + 1);
  }
}
