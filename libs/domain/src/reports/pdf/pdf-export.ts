import type { Writable } from 'node:stream';
import {
  COMPLETION_LABELS,
  ROLL_UP_RULES,
  formatRollUpPercent,
  licenceStatement,
  progressHeadline,
  type Locale,
} from '@ogp/common';
import type { Progress, TimelinePointRow } from '../../dashboards';
import type { Theme } from '../../themes';
import { drained } from '../drain';
import type { PlanReport, ReportInfo } from '../plan-report';
import { localized } from '../report-cells';
import {
  COMPLETION_ORDER,
  completionByThemeChart,
  countOf,
  themeLabel,
  timelineChart,
  type ChartImage,
} from './pdf-charts';
import { commitmentSection, sourceLines } from './pdf-commitment';
import {
  contentWidth,
  ensureSpace,
  fields,
  FONT,
  forgetWordLayouts,
  heading,
  MARGIN,
  newDocument,
  paragraph,
  table,
  type Doc,
} from './pdf-layout';
import { say } from './pdf-text';

// `export.pdf`: a report of the plan as of a date in the shape of an end-of-term self-assessment: a cover, the
// summary figures (counts first, in the dashboard's words), the overview charts each with its data, a section
// per commitment, the sources, and the audit chain's head hash with how to check it.

/** The headline the dashboard shows for a plan: counts first, then the percent with its coverage. */
export function planHeadline(progress: Progress, locale: Locale): string {
  return progressHeadline(
    {
      percent: progress.percent,
      commitmentCount: progress.commitmentCount ?? 0,
      reportedCount: progress.reportedCount ?? 0,
      completionCounts: Object.fromEntries(
        COMPLETION_ORDER.map((level) => [level, countOf(progress, level)]),
      ),
    },
    locale,
  );
}

const shareText = (share: number | null, locale: Locale) =>
  share === null
    ? COMPLETION_LABELS.NO_EVIDENCE[locale]
    : formatRollUpPercent(share * 100, locale, '');

function countryName(code: string, locale: Locale): string {
  try {
    const name = new Intl.DisplayNames([locale === 'da' ? 'da-DK' : 'en-GB'], {
      type: 'region',
    }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

function cover(doc: Doc, info: ReportInfo): void {
  const { plan, locale } = info;
  doc.addPage();
  doc.moveDown(4);
  paragraph(doc, say('reportKind', locale), { size: 11, color: '#555555' });
  doc.moveDown(0.5);
  doc
    .font(FONT.bold)
    .fontSize(22)
    .text(localized(plan.title, locale) ?? plan.slug, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(1.5).font(FONT.regular).fontSize(10);
  const period = [plan.periodStart?.label, plan.periodEnd?.label].filter(Boolean).join(' – ');
  fields(doc, [
    [say('country', locale), countryName(plan.countryCode, locale)],
    [say('period', locale), period],
    [say('asOf', locale), `${info.asOf}\n${say('asOfNote', locale)}`],
    [
      say('generated', locale),
      `${info.generatedAt.toISOString().slice(0, 19).replace('T', ' ')} UTC`,
    ],
    [say('licence', locale), licenceStatement(info.licence)],
    [say('published', locale), say(info.published ? 'publishedYes' : 'publishedNo', locale)],
  ]);
  if (plan.isSynthetic) {
    doc.moveDown();
    paragraph(doc, say('synthetic', locale), { font: FONT.bold });
  }
  doc.moveDown();
  paragraph(doc, say('internalWarning', locale), { size: 8, color: '#555555' });
}

function summary(doc: Doc, overall: Progress, locale: Locale): void {
  doc.addPage();
  heading(doc, say('summary', locale));
  heading(doc, say('headline', locale), 3);
  paragraph(doc, planHeadline(overall, locale), { size: 12, font: FONT.bold });
  doc.moveDown(0.5);
  table(
    doc,
    [
      { header: say('level', locale), width: 3 },
      { header: say('commitments', locale), width: 1, align: 'right' },
    ],
    [
      ...[...COMPLETION_ORDER]
        .reverse()
        .map((level) => [COMPLETION_LABELS[level][locale], String(countOf(overall, level))]),
      [say('commitments', locale), String(overall.commitmentCount ?? 0)],
    ],
    10,
  );
  fields(
    doc,
    [
      [
        say('overallPercent', locale),
        formatRollUpPercent(overall.percent, locale, COMPLETION_LABELS.NO_EVIDENCE[locale]),
      ],
      [say('overallCoverage', locale), shareText(overall.coverage, locale)],
      [say('milestoneCoverage', locale), shareText(overall.milestoneCoverage, locale)],
      [say('overallCompletion', locale), COMPLETION_LABELS[overall.completion][locale]],
    ],
    220,
  );
}

function image(doc: Doc, chart: ChartImage): void {
  ensureSpace(doc, chart.height + 10);
  doc.image(chart.png, MARGIN, doc.y, { width: chart.width, height: chart.height });
  doc.y += chart.height + 10;
  doc.x = MARGIN;
}

function charts(
  doc: Doc,
  byTheme: { theme: Theme; progress: Progress }[],
  timeline: TimelinePointRow[],
  locale: Locale,
): void {
  doc.addPage();
  heading(doc, say('charts', locale));
  heading(doc, say('byThemeChart', locale), 2);
  image(
    doc,
    completionByThemeChart(byTheme, locale, say('commitments', locale), contentWidth(doc)),
  );
  paragraph(doc, say('chartData', locale), { size: 9, color: '#555555' });
  table(
    doc,
    [
      { header: say('theme', locale), width: 26 },
      ...[...COMPLETION_ORDER].reverse().map((level) => ({
        header: COMPLETION_LABELS[level][locale],
        width: 11,
        align: 'right' as const,
      })),
      { header: say('percent', locale), width: 9, align: 'right' },
    ],
    byTheme.map(({ theme, progress }) => [
      themeLabel(theme, locale),
      ...[...COMPLETION_ORDER].reverse().map((level) => String(countOf(progress, level))),
      formatRollUpPercent(progress.percent, locale, '–'),
    ]),
  );

  heading(doc, say('timelineChart', locale), 2);
  if (timeline.length === 0) {
    paragraph(doc, say('noTimeline', locale));
    return;
  }
  image(
    doc,
    timelineChart(
      timeline,
      {
        planned: say('plannedCumulative', locale),
        completed: say('completedCumulative', locale),
      },
      contentWidth(doc),
    ),
  );
  paragraph(doc, `${say('chartData', locale)} ${say('quietMonths', locale)}`, {
    size: 9,
    color: '#555555',
  });
  table(
    doc,
    [
      { header: say('month', locale), width: 2 },
      { header: say('plannedInMonth', locale), width: 2, align: 'right' },
      { header: say('completedInMonth', locale), width: 2, align: 'right' },
      { header: say('plannedCumulative', locale), width: 2, align: 'right' },
      { header: say('completedCumulative', locale), width: 2, align: 'right' },
    ],
    timeline
      .filter((point) => point.planned > 0 || point.completed > 0)
      .map((point) => [
        point.month,
        String(point.planned),
        String(point.completed),
        String(point.plannedCumulative),
        String(point.completedCumulative),
      ]),
  );
}

function closing(doc: Doc, info: ReportInfo): void {
  const { locale } = info;
  doc.addPage();
  heading(doc, say('sources', locale));
  heading(doc, say('planSources', locale), 3);
  paragraph(doc, sourceLines(info.planSources, locale), { size: 9 });
  for (const theme of info.themes) {
    const sources = info.themeSources.get(theme.id) ?? [];
    if (sources.length === 0) continue;
    heading(doc, `${say('theme', locale)} ${themeLabel(theme, locale)}`, 3);
    paragraph(doc, sourceLines(sources, locale), { size: 9 });
  }

  heading(doc, say('audit', locale), 2);
  paragraph(doc, say('auditHead', locale), { font: FONT.bold });
  paragraph(doc, info.auditHeadHash ?? say('auditEmpty', locale), {
    font: FONT.mono,
    size: 9,
  });
  doc.moveDown(0.5);
  paragraph(doc, say('auditHow', locale));
  doc.moveDown(0.3);
  paragraph(
    doc,
    `query {\n  verifyAuditChain(planSlug: "${info.plan.slug}") {\n    ok checked headHash firstBrokenId\n  }\n}`,
    { font: FONT.mono, size: 9 },
  );

  heading(doc, say('rules', locale), 2);
  paragraph(doc, ROLL_UP_RULES[locale], { size: 8 });
}

/**
 * Writes the report to `out` as pdfkit makes it, waiting for the client between commitments when its buffer
 * is full: the commitments come a batch at a time from the report, so memory stays bounded by a batch.
 */
export async function writePdf(report: PlanReport, out: Writable): Promise<void> {
  const { info } = report;
  const { locale } = info;
  const [overall, byTheme, timeline] = await Promise.all([
    report.overall(),
    report.byTheme(),
    report.timeline(),
  ]);
  const doc = newDocument(
    { title: localized(info.plan.title, locale) ?? info.plan.slug, created: info.generatedAt },
    say('page', locale),
  );
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  // Awaited below; when the writing fails first, that failure is the one reported.
  finished.catch(() => undefined);
  doc.on('data', (chunk: Buffer) => out.write(chunk));
  try {
    cover(doc, info);
    summary(doc, overall, locale);
    charts(doc, byTheme, timeline, locale);
    doc.addPage();
    heading(doc, say('commitmentSections', locale));
    let written = 0;
    for await (const commitment of report.commitments()) {
      commitmentSection(doc, commitment, locale);
      if (++written % 50 === 0) forgetWordLayouts(doc);
      // pdfkit hands its output on from the event loop: let it reach `out`, then wait while `out` is full.
      await new Promise((resolve) => setImmediate(resolve));
      if (out.writableNeedDrain) await drained(out);
    }
    closing(doc, info);
  } finally {
    doc.end();
  }
  await finished;
}
