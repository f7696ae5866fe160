import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { licenceName } from '@ogp/common';
import { AlignmentType, Document, Footer, PageNumber, Paragraph, TextRun, type Table } from 'docx';
import type { Agency } from '../../agencies';
import type { PlanReport } from '../plan-report';
import { localized } from '../report-cells';
import { clean } from './docx-blocks';
import { commitmentSection } from './docx-commitment';
import { writePackage } from './docx-package';
import {
  evaluationHeading,
  frontMatter,
  introduction,
  planTitle,
  processSection,
  resultsSection,
  summarySection,
  themesSection,
} from './docx-plan';
import { DOC } from './docx-text';

/** Every page's footer: the plan, the as-of date, the licence, and the page number. */
function footer(report: PlanReport): Footer {
  const { info } = report;
  const about = `${planTitle(info)} · ${DOC.asOf[info.locale]} ${info.asOf} · ${licenceName(info.licence)} · ${DOC.footer[info.locale]} `;
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [clean(about), PageNumber.CURRENT], size: 16 })],
      }),
    ],
  });
}

/**
 * `export.docx`: an editable draft of the government's end-of-term self-assessment of the plan, as the viewer
 * may read it as of the report's date. The commitments are read twice, batch by batch as the other exports read
 * them: their progress first (the summary and the themes come before them), then each in full for its own
 * section, which is written to `out` as it is read (see writePackage), so a large plan is never held whole.
 */
export async function writeDocx(
  report: PlanReport,
  out: Writable,
  agencyById: (id: string) => Promise<Agency | null>,
): Promise<void> {
  const { info } = report;
  const { locale } = info;
  // The plan's and the themes' roll-ups one after the other: over a large plan each is a heavy query, and
  // run side by side on a small machine they can outlast the statement timeout.
  const overall = await report.overall();
  const themeProgress = await report.themeProgress();
  const coordinating = info.plan.coordinatingAgencyId
    ? await agencyById(info.plan.coordinatingAgencyId)
    : null;
  const percents: (number | null)[] = [];
  const byTheme = new Map<string, string[]>();
  for await (const { commitment, progress } of report.commitmentProgress()) {
    percents.push(progress.percent);
    const line = `${commitment.number} ${localized(commitment.title, locale) ?? ''} (${commitment.ogpId})`;
    const lines = byTheme.get(commitment.themeId);
    if (lines) lines.push(line);
    else byTheme.set(commitment.themeId, [line]);
  }
  // Where the commitments' sections go: a paragraph of text made for this export only.
  const placeholder = `commitments-${randomUUID()}`;
  const document = new Document({
    creator: 'OGP commitment tracker',
    title: clean(`${planTitle(info)}: ${DOC.title[locale]}`),
    description: clean(`${DOC.asOf[locale]} ${info.asOf}`),
    styles: {
      default: {
        document: { run: { language: { value: locale === 'da' ? 'da-DK' : 'en-GB' } } },
      },
    },
    sections: [
      {
        footers: { default: footer(report) },
        children: [
          ...frontMatter(info, coordinating),
          ...summarySection(overall, percents, locale),
          ...introduction(info),
          ...themesSection(info, themeProgress, byTheme),
          ...processSection(locale),
          ...evaluationHeading(locale),
          new Paragraph({ children: [new TextRun(placeholder)] }),
          ...resultsSection(locale),
        ],
      },
    ],
  });
  await writePackage(document, placeholder, sections(report), out);
}

async function* sections(report: PlanReport): AsyncGenerator<(Paragraph | Table)[]> {
  for await (const row of report.commitments()) yield commitmentSection(row, report.info.locale);
}
