import './styles.css';
import type { Locale } from '@ogp/common';
import { GraphqlError } from './api/client';
import { fetchDashboard } from './api/dashboard';
import { h } from './dom';
import { isLocale, translator, type Translate } from './i18n';
import { OverviewPage } from './pages/overview';

const DEFAULT_PLAN = 'dk-2017-2019';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Route {
  slug: string;
  locale: Locale;
  asOf: string | null;
}

function readRoute(): Route {
  const url = new URL(location.href);
  const match = /^\/plans\/([^/]+)\/?$/.exec(url.pathname);
  if (!match) {
    // `/` (and anything unknown) opens the default plan, keeping the query.
    history.replaceState(null, '', `/plans/${DEFAULT_PLAN}${url.search}`);
    return readRoute();
  }
  const lang = url.searchParams.get('lang');
  const asOf = url.searchParams.get('asOf');
  return {
    slug: decodeURIComponent(match[1]),
    locale: isLocale(lang) ? lang : 'da',
    asOf: asOf && DATE.test(asOf) ? asOf : null,
  };
}

function navigate(change: Partial<Pick<Route, 'locale' | 'asOf'>>): void {
  const url = new URL(location.href);
  if (change.locale !== undefined) url.searchParams.set('lang', change.locale);
  if (change.asOf !== undefined) {
    if (change.asOf) url.searchParams.set('asOf', change.asOf);
    else url.searchParams.delete('asOf');
  }
  history.pushState(null, '', url);
  void render();
}

const main = document.getElementById('main') as HTMLElement;
const langNav = document.getElementById('lang-switch') as HTMLElement;
const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
const content = h('div');
const asOfInput = h('input', { type: 'date', id: 'as-of', name: 'asOf' });
const asOfLabel = h('label', { for: 'as-of' });
const asOfApply = h('button', { type: 'submit' });
const asOfToday = h('button', { type: 'button', class: 'secondary' });
const controls = h('form', { class: 'controls' }, asOfLabel, asOfInput, asOfApply, asOfToday);
main.append(controls, status, content);

controls.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate({ asOf: asOfInput.value || null });
});
asOfToday.addEventListener('click', () => navigate({ asOf: null }));
window.addEventListener('popstate', () => void render());

let page: OverviewPage | null = null;
let inFlight: AbortController | null = null;

function renderChrome(route: Route, t: Translate): void {
  document.documentElement.lang = route.locale;
  for (const element of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n as Parameters<Translate>[0]);
  }
  const other: Locale = route.locale === 'da' ? 'en' : 'da';
  const link = h(
    'a',
    {
      href: `?${new URLSearchParams({ ...currentParams(), lang: other }).toString()}`,
      lang: other,
      hreflang: other,
    },
    t('otherLanguage'),
  );
  link.addEventListener('click', (event) => {
    event.preventDefault();
    navigate({ locale: other });
  });
  langNav.setAttribute('aria-label', t('language'));
  langNav.replaceChildren(link);
  asOfLabel.textContent = t('asOf');
  asOfApply.textContent = t('asOfApply');
  asOfToday.textContent = t('asOfToday');
  asOfInput.value = route.asOf ?? '';
  asOfInput.max = new Date().toISOString().slice(0, 10);
}

function currentParams(): Record<string, string> {
  return Object.fromEntries(new URL(location.href).searchParams);
}

async function render(): Promise<void> {
  const route = readRoute();
  const t = translator(route.locale);
  renderChrome(route, t);
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  status.textContent = t('loading');
  main.setAttribute('aria-busy', 'true');
  try {
    const data = await fetchDashboard(route.slug, route.asOf, route.locale, controller.signal);
    if (controller.signal.aborted) return;
    if (!page) {
      page = new OverviewPage();
      content.replaceChildren(page.element);
    }
    page.render(data, route.locale, t);
    document.title = `${data.plan.title[route.locale] ?? data.plan.slug} · ${t('appName')}`;
    asOfInput.value = data.asOf;
    status.textContent = '';
  } catch (error) {
    if (controller.signal.aborted) return;
    page?.destroy();
    page = null;
    const message = error instanceof Error ? error.message : String(error);
    content.replaceChildren(
      h(
        'p',
        { class: 'error' },
        error instanceof GraphqlError && error.code === 'NOT_FOUND'
          ? t('notFound')
          : t('error', { message }),
      ),
    );
    status.textContent = '';
  } finally {
    if (inFlight === controller) main.removeAttribute('aria-busy');
  }
  document.body.dataset.ready = 'true';
}

void render();
