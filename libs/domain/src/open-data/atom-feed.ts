import { MILESTONE_STATUS_LABELS, type Locale } from '@ogp/common';
import type { FeedUpdate, OpenDataPlan } from './open-data.queries';
import { html, partialDateOfEnd, pick, xml, type Picked } from './open-data.text';

/** The most entries one feed document holds; older updates stay on the commitment pages and in the exports. */
export const FEED_LIMIT = 100;

export interface AtomFeedInput {
  plan: OpenDataPlan;
  /** Newest first, at most FEED_LIMIT. */
  updates: FeedUpdate[];
  /** All PUBLIC updates of the plan, to say when the feed holds only the latest. */
  total: number;
  locale: Locale;
  /** The site's origin, e.g. https://tracker.example.org (no trailing slash). */
  base: string;
  licence: string;
}

const WORDS = {
  da: {
    feedTitle: 'Statusopdateringer',
    subtitle: 'Offentlige statusopdateringer på handlingsplanens delmål, nyeste først.',
    capped: (shown: number, total: number) =>
      `Feedet viser de seneste ${shown} af ${total} opdateringer; ældre findes på hver forpligtelses side.`,
    milestone: 'delmål',
    status: 'Status',
    progress: 'Fremdrift',
    noPercent: 'ingen procent angivet',
    effective: 'Virkningsdato',
    notLaterThan: (date: string) => `senest ${date} (ingen kilde angiver datoen præcist)`,
    note: 'Note',
    evidence: 'Dokumentation',
    licence: 'Data under licens',
    tracker: 'OGP-forpligtelsestracker',
  },
  en: {
    feedTitle: 'Status updates',
    subtitle: "Public status updates on the action plan's milestones, newest first.",
    capped: (shown: number, total: number) =>
      `The feed shows the latest ${shown} of ${total} updates; older ones are on each commitment's page.`,
    milestone: 'milestone',
    status: 'Status',
    progress: 'Progress',
    noPercent: 'no percent given',
    effective: 'Effective date',
    notLaterThan: (date: string) => `not later than ${date} (no source gives the exact date)`,
    note: 'Note',
    evidence: 'Evidence',
    licence: 'Data licensed under',
    tracker: 'OGP commitment tracker',
  },
} as const;

/** Text content with its language marked when it is not the feed's own. */
function text(tag: string, picked: Picked | null, locale: Locale, fallback = ''): string {
  const value = picked?.value ?? fallback;
  const lang = picked && picked.lang !== locale ? ` xml:lang="${picked.lang}"` : '';
  return `<${tag}${lang}>${xml(value)}</${tag}>`;
}

function link(rel: string, href: string, extra = ''): string {
  return `<link rel="${rel}" href="${xml(href)}"${extra}/>`;
}

/** The plan's PUBLIC status updates as an Atom 1.0 (RFC 4287) document. */
export function buildAtomFeed(input: AtomFeedInput): string {
  const { plan, updates, total, locale, base, licence } = input;
  const words = WORDS[locale];
  const slug = encodeURIComponent(plan.slug);
  const self = `${base}/api/plans/${slug}/feed.atom?lang=${locale}`;
  const planTitle = pick(plan.title, locale);
  const updated = updates.length > 0 ? updates[0].recordedAt : plan.modifiedAt;
  const subtitle =
    updates.length < total
      ? `${words.subtitle} ${words.capped(updates.length, total)}`
      : words.subtitle;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `<id>${xml(self)}</id>`,
    `<title>${xml(`${words.feedTitle}: ${planTitle?.value ?? plan.slug}`)}</title>`,
    `<subtitle>${xml(subtitle)}</subtitle>`,
    `<updated>${updated.toISOString()}</updated>`,
    author(plan, locale, base),
    link('self', self, ' type="application/atom+xml"'),
    link('alternate', `${base}/plans/${slug}?lang=${locale}`, ' type="text/html"'),
    link('license', licence),
    `<rights>${xml(`${words.licence} ${licence}`)}</rights>`,
    `<generator uri="${xml(`${base}/`)}">${xml(words.tracker)}</generator>`,
    ...updates.map((update) => entry(update, locale, base)),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

function author(plan: OpenDataPlan, locale: Locale, base: string): string {
  const name = pick(plan.coordinator?.name, locale);
  if (!plan.coordinator || !name)
    return `<author><name>${xml(WORDS[locale].tracker)}</name></author>`;
  const uri = `${base}/plans/${encodeURIComponent(plan.slug)}/agencies/${encodeURIComponent(plan.coordinator.slug)}`;
  return `<author>${text('name', name, locale)}<uri>${xml(uri)}</uri></author>`;
}

function statusLine(update: FeedUpdate, locale: Locale): string {
  const label = MILESTONE_STATUS_LABELS[update.status][locale];
  return update.progressPercent === null ? label : `${label} (${update.progressPercent} %)`;
}

function entry(update: FeedUpdate, locale: Locale, base: string): string {
  const words = WORDS[locale];
  const page = `${base}/commitments/${encodeURIComponent(update.ogpId)}?lang=${locale}`;
  const commitment = pick(update.commitmentTitle, locale);
  const milestone = pick(update.milestoneTitle, locale);
  const title =
    `${update.ogpId} ${commitment?.value ?? ''} · ${words.milestone} ${update.milestonePosition}: ` +
    `${milestone?.value ?? ''} · ${statusLine(update, locale)}`;
  const lead = pick(update.leadAgency, locale);
  const recorded = update.recordedAt.toISOString();
  return [
    '<entry>',
    `<id>urn:uuid:${update.id}</id>`,
    `<title>${xml(title)}</title>`,
    `<updated>${recorded}</updated>`,
    `<published>${recorded}</published>`,
    lead ? `<author>${text('name', lead, locale)}</author>` : '',
    link('alternate', page, ' type="text/html"'),
    ...update.evidence.map((e) =>
      link('related', e.url, e.title ? ` title="${xml(e.title)}"` : ''),
    ),
    `<category term="${update.status}" label="${xml(MILESTONE_STATUS_LABELS[update.status][locale])}"/>`,
    `<summary type="html">${xml(summaryHtml(update, locale))}</summary>`,
    '</entry>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** The entry's summary as HTML (escaped once more by the caller, as Atom's type="html" asks). */
function summaryHtml(update: FeedUpdate, locale: Locale): string {
  const words = WORDS[locale];
  const date = partialDateOfEnd(update.effectiveDate, update.effectiveDatePrecision);
  const status = MILESTONE_STATUS_LABELS[update.status][locale];
  const percent = update.progressPercent === null ? words.noPercent : `${update.progressPercent} %`;
  const effective = update.effectiveDateKnown ? date : words.notLaterThan(date);
  const parts = [
    `<p>${words.status}: ${html(status)}. ${words.progress}: ${html(percent)}. ` +
      `${words.effective}: ${html(effective)}.</p>`,
  ];
  const note = pick(update.note, locale);
  if (note) {
    const lang = note.lang !== locale ? ` lang="${note.lang}"` : '';
    parts.push(`<p${lang}>${words.note}: ${html(note.value)}</p>`);
  }
  if (update.evidence.length > 0) {
    const items = update.evidence
      .map((e) => `<li><a href="${html(e.url)}">${html(e.title ?? e.url)}</a></li>`)
      .join('');
    parts.push(`<p>${words.evidence}:</p><ul>${items}</ul>`);
  }
  return parts.join('');
}
