import { Role, type Locale } from '@ogp/common';
import { graphql, GraphqlError } from '../api/client';
import { h } from '../dom';
import { isLocale, translator, type MessageKey, type Translate } from '../i18n';
import { followPlan, type PlanActivityEvent } from './live';
import type { PageContext, PageView, QueryChanges } from './page';
import { matchRoute, type RouteMatch } from './routes';
import { fetchSessionUser, hasRole, signOut, type SessionUser } from './session';

const LANGUAGE_KEY = 'ogp-tracker.language';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Live events often come in bursts (a coordinator saving several milestones): one refresh per burst. */
const LIVE_SETTLE_MS = 300;

function storedLanguage(): Locale | null {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null; // storage blocked: the URL still carries the language
  }
}

function rememberLanguage(locale: Locale): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, locale);
  } catch {
    // storage blocked: nothing to remember it in
  }
}

interface RenderOptions {
  /** Opened by a link or a form, not by loading or going back: focus moves to the new page's heading. */
  navigation?: boolean;
  live?: boolean;
}

/** The single-page app: the shell (header, footer, language, as-of picker) around one page at a time. */
export class App {
  private readonly main = document.getElementById('main') as HTMLElement;
  private readonly siteNav = document.getElementById('site-nav') as HTMLElement;
  private readonly langNav = document.getElementById('lang-switch') as HTMLElement;
  private readonly footerLinks = document.getElementById('footer-links') as HTMLElement;
  private readonly status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  private readonly content = h('div', { id: 'page' });
  private readonly languageLink = h('a', {});
  private readonly asOfInput = h('input', { type: 'date', id: 'as-of', name: 'asOf' });
  private readonly asOfLabel = h('label', { for: 'as-of' });
  private readonly asOfApply = h('button', { type: 'submit' });
  private readonly asOfToday = h('button', { type: 'button', class: 'secondary' });
  private readonly controls = h(
    'form',
    { class: 'controls', id: 'as-of-form' },
    this.asOfLabel,
    this.asOfInput,
    this.asOfApply,
    this.asOfToday,
  );

  private user: SessionUser | null = null;
  private sessionRead: Promise<void> | null = null;
  private page: { key: string; view: PageView } | null = null;
  private inFlight: AbortController | null = null;
  private following: { plan: string; stop: () => void } | null = null;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  private liveEvents: PlanActivityEvent[] = [];

  start(): void {
    this.main.append(this.controls, this.status, this.content);
    this.controls.addEventListener('submit', (event) => {
      event.preventDefault();
      this.go(location.pathname, { asOf: this.asOfInput.value || null });
    });
    this.asOfToday.addEventListener('click', () => this.go(location.pathname, { asOf: null }));
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

  /** The language: from the URL, else the one remembered, else Danish; always written back into the URL. */
  private locale(url: URL): Locale {
    const fromUrl = url.searchParams.get('lang');
    const locale = isLocale(fromUrl) ? fromUrl : (storedLanguage() ?? 'da');
    rememberLanguage(locale);
    if (fromUrl !== locale) {
      url.searchParams.set('lang', locale);
      history.replaceState(null, '', url);
    }
    return locale;
  }

  private href(path: string, query: QueryChanges = {}): string {
    const current = new URL(location.href);
    const target = new URL(path, location.origin);
    target.searchParams.set('lang', current.searchParams.get('lang') ?? 'da');
    const asOf = current.searchParams.get('asOf');
    if (asOf && matchRoute(target.pathname)?.route.asOf) target.searchParams.set('asOf', asOf);
    for (const [name, value] of Object.entries(query)) {
      if (value === null || value === undefined || value === '') target.searchParams.delete(name);
      else target.searchParams.set(name, value);
    }
    return `${target.pathname}${target.search}${target.hash}`;
  }

  private go(path: string, query: QueryChanges = {}, options: { replace?: boolean } = {}): void {
    const href = this.href(path, query);
    if (options.replace) history.replaceState(null, '', href);
    else history.pushState(null, '', href);
    void this.render({ navigation: true });
  }

  private setQuery(changes: QueryChanges): void {
    const url = new URL(location.href);
    for (const [name, value] of Object.entries(changes)) {
      if (value === null || value === undefined || value === '') url.searchParams.delete(name);
      else url.searchParams.set(name, value);
    }
    history.pushState(null, '', url);
    void this.render();
  }

  private async refreshSession(): Promise<void> {
    this.sessionRead = fetchSessionUser().then(
      (user) => {
        this.user = user;
      },
      () => {
        this.user = null;
      },
    );
    await this.sessionRead;
  }

  private async render(options: RenderOptions = {}): Promise<void> {
    const url = new URL(location.href);
    const locale = this.locale(url);
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
    if (match?.route.asOf) {
      // Public figures do not depend on who is signed in: they load while the session is read; the menu follows.
      void this.sessionRead?.then(() => {
        if (this.inFlight === controller) this.renderNav(t);
      });
    } else {
      await this.sessionRead;
      if (controller.signal.aborted) return;
    }
    const asOfParam = url.searchParams.get('asOf');
    const asOf = match?.route.asOf && asOfParam && DATE.test(asOfParam) ? asOfParam : null;
    this.renderChrome(locale, t, match, asOf);

    if (!options.live) {
      this.status.textContent = t('loading');
      this.main.setAttribute('aria-busy', 'true');
    }
    try {
      if (!match) {
        this.showMessage(t('pageNotFound'), t);
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
        href: (path, query) => this.href(path, query),
        navigate: (path, query, navigateOptions) => this.go(path, query, navigateOptions),
        setQuery: (changes) => this.setQuery(changes),
        announce: (message) => {
          this.status.textContent = message;
        },
        refreshSession: async () => {
          await this.refreshSession();
          this.renderNav(t);
        },
      };
      const result = await view.render(context);
      if (controller.signal.aborted) return;
      document.title = `${result.title} · ${t('appName')}`;
      if (options.live) this.announceLive(t);
      else this.status.textContent = '';
      if (asOf) this.asOfInput.value = asOf;
      this.follow(asOf ? null : (result.livePlan ?? null));
      if (options.navigation) this.focusHeading();
    } catch (error) {
      if (controller.signal.aborted) return;
      if (error instanceof GraphqlError && error.code === 'UNAUTHENTICATED') {
        this.user = null;
        this.go('/sign-in', { next: `${url.pathname}${url.search}` }, { replace: true });
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      this.showMessage(
        error instanceof GraphqlError && error.code === 'NOT_FOUND'
          ? t('notFound')
          : t('error', { message }),
        t,
        'error',
      );
    } finally {
      if (this.inFlight === controller) {
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
    this.content.replaceChildren(view.element);
    return view;
  }

  private showMessage(text: string, t: Translate, kind: 'message' | 'error' = 'message'): void {
    this.page?.view.destroy();
    this.page = null;
    this.follow(null);
    this.content.replaceChildren(
      h('h1', { tabindex: '-1' }, kind === 'error' ? t('errorHeading') : text),
      ...(kind === 'error' ? [h('p', { class: 'error' }, text)] : []),
    );
    document.title = `${kind === 'error' ? t('errorHeading') : text} · ${t('appName')}`;
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

  private renderChrome(
    locale: Locale,
    t: Translate,
    match: RouteMatch | null,
    asOf: string | null,
  ) {
    document.documentElement.lang = locale;
    for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
      element.textContent = t(element.dataset.i18n as MessageKey);
    }
    const brand = document.getElementById('brand') as HTMLAnchorElement;
    brand.href = this.href('/plans');
    const other: Locale = locale === 'da' ? 'en' : 'da';
    const otherUrl = new URL(location.href);
    otherUrl.searchParams.set('lang', other);
    this.langNav.setAttribute('aria-label', t('language'));
    // Changed in place, so the link keeps the focus when it was used from the keyboard.
    this.languageLink.href = `${otherUrl.pathname}${otherUrl.search}`;
    this.languageLink.lang = other;
    this.languageLink.hreflang = other;
    this.languageLink.textContent = t('otherLanguage');
    if (!this.languageLink.isConnected) this.langNav.replaceChildren(this.languageLink);
    this.footerLinks.replaceChildren(
      h('a', { href: this.href('/accessibility') }, t('accessibilityStatement')),
    );
    this.renderNav(t);
    this.controls.hidden = !match?.route.asOf;
    this.asOfLabel.textContent = t('asOf');
    this.asOfApply.textContent = t('asOfApply');
    this.asOfToday.textContent = t('asOfToday');
    this.asOfInput.value = asOf ?? '';
    this.asOfInput.max = new Date().toISOString().slice(0, 10);
  }

  /** The main menu: public pages, then what the signed-in user's roles open, then signing in or out. */
  private renderNav(t: Translate): void {
    const user = this.user;
    const items: [string, MessageKey][] = [['/plans', 'navPlans']];
    if (hasRole(user, Role.COORDINATOR, Role.ADMIN))
      items.push(['/my-milestones', 'navMyMilestones']);
    if (hasRole(user, Role.REVIEWER, Role.ADMIN)) items.push(['/review', 'navReview']);
    if (hasRole(user, Role.ADMIN)) {
      items.push(['/admin/users', 'navUsers'], ['/admin/agencies', 'navAgencies']);
    }
    const links = items.map(([path, key]) => {
      const here = location.pathname === path;
      return h(
        'li',
        {},
        h('a', { href: this.href(path), 'aria-current': here ? 'page' : null }, t(key)),
      );
    });
    let account: HTMLElement;
    if (user) {
      const signOutButton = h('button', { type: 'button', class: 'link' }, t('signOut'));
      signOutButton.addEventListener('click', () => {
        void signOut().finally(async () => {
          await this.refreshSession();
          this.go('/plans');
        });
      });
      account = h(
        'li',
        { class: 'account' },
        h('span', {}, t('signedInAs', { name: user.displayName })),
        ' ',
        signOutButton,
      );
    } else {
      const next =
        location.pathname === '/sign-in' ? null : `${location.pathname}${location.search}`;
      account = h(
        'li',
        { class: 'account' },
        h('a', { href: this.href('/sign-in', { next }) }, t('signIn')),
      );
    }
    this.siteNav.setAttribute('aria-label', t('mainMenu'));
    this.siteNav.replaceChildren(h('ul', {}, ...links, account));
  }
}
