import {
  Completion,
  COMPLETION_LABELS,
  ROLL_UP_RULES,
  describeAggregateProgress,
  licenceStatement,
  progressHeadline,
  type Label,
  type Locale,
} from '@ogp/common';
import { HeadingLevel, type Paragraph, type Table } from 'docx';
import type { Agency } from '../../agencies';
import type { Progress } from '../../dashboards';
import type { ReportInfo } from '../plan-report';
import { localized, yesNo } from '../report-cells';
import {
  blank,
  bullet,
  facts,
  grid,
  heading,
  link,
  paragraph,
  type CellContent,
} from './docx-blocks';
import { DOC, PLAN_BLANKS as B, PLAN_PARTS as P } from './docx-text';

// The plan-level parts of the draft: what it is and where it comes from, the summary figures (counts first,
// in the dashboard's words), then the introduction, themes, process and results, with what the tracker knows
// filled in and blanks for the rest.

type Block = Paragraph | Table;

/** Counts first, then the percent with its coverage: the dashboard's headline, word for word. */
export function headline(progress: Progress, locale: Locale): string {
  const counts = new Map((progress.completionCounts ?? []).map((c) => [c.completion, c.count]));
  return progressHeadline(
    {
      percent: progress.percent,
      commitmentCount: progress.commitmentCount ?? 0,
      reportedCount: progress.reportedCount ?? 0,
      completionCounts: Object.fromEntries(
        Object.values(Completion).map((level) => [level, counts.get(level) ?? 0]),
      ),
    },
    locale,
  );
}

export function planTitle(info: ReportInfo): string {
  return localized(info.plan.title, info.locale) ?? info.plan.slug;
}

export function planPeriod(info: ReportInfo): string | null {
  const { periodStart, periodEnd } = info.plan;
  if (!periodStart && !periodEnd) return null;
  return `${periodStart?.label ?? '?'} – ${periodEnd?.label ?? '?'}`;
}

/** The time of generation, to the minute, in UTC. */
export const generatedText = (at: Date): string =>
  `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The title, the note that this is a draft, and what the file states about itself. */
export function frontMatter(info: ReportInfo, coordinating: Agency | null): Block[] {
  const { locale, plan } = info;
  const or = (value: string | null | undefined, what: Label): CellContent =>
    value ? value : blank(what, locale);
  const sources = info.planSources.map((s) => bullet(link(s.url, s.title)));
  return [
    heading(`${planTitle(info)}: ${DOC.title[locale]}`, HeadingLevel.TITLE),
    paragraph(DOC.draft[locale]),
    heading(DOC.about[locale], HeadingLevel.HEADING_1),
    facts(
      [
        [DOC.plan, planTitle(info)],
        [DOC.country, plan.countryCode],
        [DOC.planNumber, or(plan.actionPlanNumber?.toString(), B.planNumber)],
        [DOC.period, or(planPeriod(info), B.period)],
        [DOC.coordinatingAgency, or(localized(coordinating?.name, locale), B.coordinatingAgency)],
        [DOC.asOf, info.asOf],
        [DOC.generated, generatedText(info.generatedAt)],
        [DOC.licence, licenceStatement(info.licence)],
        [DOC.auditHead, info.auditHeadHash ?? '–'],
        [DOC.synthetic, yesNo(plan.isSynthetic, locale)],
        [DOC.sources, sources.length > 0 ? sources : DOC.none[locale]],
      ],
      locale,
    ),
  ];
}

const LEVELS = [
  Completion.COMPLETE,
  Completion.SUBSTANTIAL,
  Completion.LIMITED,
  Completion.NOT_STARTED,
  Completion.NO_EVIDENCE,
];

/** The summary the OGP asks for first: how many commitments reached each level, then how it is computed. */
export function summarySection(
  overall: Progress,
  commitmentPercents: (number | null)[],
  locale: Locale,
): Block[] {
  const counts = new Map((overall.completionCounts ?? []).map((c) => [c.completion, c.count]));
  const rows = LEVELS.map((level) => [
    COMPLETION_LABELS[level][locale],
    String(counts.get(level) ?? 0),
  ]);
  return [
    heading(DOC.summary[locale], HeadingLevel.HEADING_1),
    paragraph(headline(overall, locale)),
    paragraph(DOC.summaryIntro[locale]),
    grid(
      [DOC.level, DOC.commitments],
      [...rows, [DOC.total[locale], String(overall.commitmentCount ?? 0)]],
      [70, 30],
      locale,
    ),
    heading(DOC.rules[locale], HeadingLevel.HEADING_2),
    paragraph(describeAggregateProgress(commitmentPercents, locale)),
    paragraph(ROLL_UP_RULES[locale]),
  ];
}

/** 1. Introduction and background: all for the government to write, beside the plan's own description. */
export function introduction(info: ReportInfo): Block[] {
  const { locale } = info;
  const description = localized(info.plan.description, locale);
  return [
    heading(P.introduction[locale], HeadingLevel.HEADING_1),
    heading(P.background[locale], HeadingLevel.HEADING_2),
    ...(description ? [paragraph(description)] : []),
    blank(B.background, locale),
    heading(P.effortToDate[locale], HeadingLevel.HEADING_2),
    blank(B.effortToDate, locale),
    heading(P.involvement[locale], HeadingLevel.HEADING_2),
    blank(B.involvement, locale),
  ];
}

/** 2. The themes: each with its commitments and its roll-up headline, then a blank for its aims. */
export function themesSection(
  info: ReportInfo,
  themeProgress: Map<string, Progress>,
  commitmentsByTheme: Map<string, string[]>,
): Block[] {
  const { locale } = info;
  return [
    heading(P.themes[locale], HeadingLevel.HEADING_1),
    ...info.themes.flatMap((theme) => {
      const progress = themeProgress.get(theme.id);
      return [
        heading(
          `${P.theme[locale]} ${theme.number}. ${localized(theme.title, locale) ?? ''}`,
          HeadingLevel.HEADING_2,
        ),
        ...(progress ? [paragraph(headline(progress, locale))] : []),
        ...(commitmentsByTheme.get(theme.id) ?? []).map((line) => bullet(line)),
      ];
    }),
    blank(B.themes, locale),
  ];
}

/** 3. The process: the questions the OGP guidance asks, each a blank. */
export function processSection(locale: Locale): Block[] {
  return [
    heading(P.process[locale], HeadingLevel.HEADING_1),
    blank(B.announced, locale),
    blank(B.comments, locale),
    blank(B.awareness, locale),
    blank(B.forum, locale),
    blank(B.duringImplementation, locale),
  ];
}

/** 4. The heading of the final evaluation, and its first part: adjustments during the period. */
export function evaluationHeading(locale: Locale): Block[] {
  return [
    heading(P.evaluation[locale], HeadingLevel.HEADING_1),
    heading(P.adjustments[locale], HeadingLevel.HEADING_2),
    blank(B.adjustments, locale),
  ];
}

/** 5. Results and lessons, and the public comment period: blanks. */
export function resultsSection(locale: Locale): Block[] {
  return [
    heading(P.results[locale], HeadingLevel.HEADING_1),
    blank(B.results, locale),
    blank(B.lessons, locale),
    blank(B.commentPeriod, locale),
  ];
}
