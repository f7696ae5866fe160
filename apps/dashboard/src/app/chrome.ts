import { licenceName, Role, type Locale } from '@ogp/common';
import { graphql } from '../api/client';
import { h } from '../dom';
import type { MessageKey, Translate } from '../i18n';
import type { QueryChanges } from './page';
import type { RouteMatch } from './routes';
import { hasRole, signOut, type MenuUser } from './session';
import { appHref } from './url';

/** What the shell's chrome asks of the app: who is signed in, where to go, and reading the session again. */
export interface ChromeHost {
  user(): MenuUser | null;
  go(path: string, query?: QueryChanges): void;
  refreshSession(): Promise<void>;
}

/** The shell around the page: the language, the main menu, the footer and the as-of picker. */
export class Chrome {
  private readonly siteNav = document.getElementById('site-nav') as HTMLElement;
  private readonly langNav = document.getElementById('lang-switch') as HTMLElement;
  private readonly footerLinks = document.getElementById('footer-links') as HTMLElement;
  private readonly languageLink = h('a', {});
  /** The data licence the deployment names (read once); null until it has come. */
  private dataLicence: string | null = null;
  private readonly licenceNote = h('span', {});
  private translate: Translate | null = null;
  private readonly asOfInput = h('input', { type: 'date', id: 'as-of', name: 'asOf' });
  private readonly asOfLabel = h('label', { for: 'as-of' });
  private readonly asOfApply = h('button', { type: 'submit' });
  private readonly asOfToday = h('button', { type: 'button', class: 'secondary' });
  readonly controls = h(
    'form',
    { class: 'controls', id: 'as-of-form' },
    this.asOfLabel,
    this.asOfInput,
    this.asOfApply,
    this.asOfToday,
  );

  constructor(private readonly host: ChromeHost) {
    this.controls.addEventListener('submit', (event) => {
      event.preventDefault();
      host.go(location.pathname, { asOf: this.asOfInput.value || null });
    });
    this.asOfToday.addEventListener('click', () => host.go(location.pathname, { asOf: null }));
    // The footer names it on every page; a failure only leaves it out.
    void graphql<{ dataLicence: string }>('{ dataLicence }').then(
      ({ dataLicence }) => {
        this.dataLicence = dataLicence;
        this.renderLicence();
      },
      () => undefined,
    );
  }

  private renderLicence(): void {
    const t = this.translate;
    if (!t || !this.dataLicence) {
      this.licenceNote.replaceChildren();
      return;
    }
    // The licence's name as a link to its text, where the sentence of the page's language puts it.
    const [before, after = ''] = t('footerDataLicence', { licence: '\u0000' }).split('\u0000');
    this.licenceNote.replaceChildren(
      ` ${before}`,
      h('a', { href: this.dataLicence, rel: 'license' }, licenceName(this.dataLicence)),
      after,
    );
  }

  /** The day the page's figures were read for, once they are shown. */
  showAsOf(asOf: string): void {
    this.asOfInput.value = asOf;
  }

  /** The chrome in the page's language; the as-of picker shows only where the route shows public figures. */
  render(locale: Locale, t: Translate, match: RouteMatch | null, asOf: string | null): void {
    document.documentElement.lang = locale;
    for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
      element.textContent = t(element.dataset.i18n as MessageKey);
    }
    const brand = document.getElementById('brand') as HTMLAnchorElement;
    brand.href = appHref('/plans');
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
    this.translate = t;
    this.renderLicence();
    this.footerLinks.replaceChildren(
      h('a', { href: appHref('/accessibility') }, t('accessibilityStatement')),
      this.licenceNote,
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
  renderNav(t: Translate): void {
    const user = this.host.user();
    const items: [string, MessageKey][] = [['/plans', 'navPlans']];
    if (hasRole(user, Role.COORDINATOR, Role.ADMIN))
      items.push(['/my-milestones', 'navMyMilestones']);
    if (hasRole(user, Role.REVIEWER, Role.ADMIN)) items.push(['/review', 'navReview']);
    if (hasRole(user, Role.ADMIN)) {
      items.push(
        ['/admin/users', 'navUsers'],
        ['/admin/agencies', 'navAgencies'],
        ['/admin/import', 'navImport'],
      );
    }
    const links = items.map(([path, key]) => {
      const here = location.pathname === path;
      return h(
        'li',
        {},
        h('a', { href: appHref(path), 'aria-current': here ? 'page' : null }, t(key)),
      );
    });
    let account: HTMLElement;
    if (user) {
      const signOutButton = h('button', { type: 'button', class: 'link' }, t('signOut'));
      signOutButton.addEventListener('click', () => {
        void signOut().finally(async () => {
          await this.host.refreshSession();
          this.host.go('/plans');
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
        h('a', { href: appHref('/sign-in', { next }) }, t('signIn')),
      );
    }
    this.siteNav.setAttribute('aria-label', t('mainMenu'));
    this.siteNav.replaceChildren(h('ul', {}, ...links, account));
  }
}
