import type { Writable } from 'node:stream';
import { licenceName } from '@ogp/common';
import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type Table,
} from 'docx';
import type { Agency } from '../../agencies';
import { drained } from '../drain';
import type { PlanReport } from '../plan-report';
import { localized } from '../report-cells';
import { clean } from './docx-blocks';
import { commitmentSection } from './docx-commitment';
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
 * may read it as of the report's date. The document is built in memory (the docx package has no streaming
 * writer); the commitments are read batch by batch as the other exports read them.
 */
export async function writeDocx(
  report: PlanReport,
  out: Writable,
  agencyById: (id: string) => Promise<Agency | null>,
): Promise<void> {
  const { info } = report;
  const { locale } = info;
  const [overall, themeProgress, coordinating] = await Promise.all([
    report.overall(),
    report.themeProgress(),
    info.plan.coordinatingAgencyId ? agencyById(info.plan.coordinatingAgencyId) : null,
  ]);
  const sections: (Paragraph | Table)[] = [];
  const percents: (number | null)[] = [];
  const byTheme = new Map<string, string[]>();
  for await (const row of report.commitments()) {
    sections.push(...commitmentSection(row, locale));
    percents.push(row.progress.percent);
    const line = `${row.commitment.number} ${localized(row.commitment.title, locale) ?? ''} (${row.commitment.ogpId})`;
    byTheme.set(row.theme.id, [...(byTheme.get(row.theme.id) ?? []), line]);
  }
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
          ...sections,
          ...resultsSection(locale),
        ],
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  if (!out.write(buffer)) await drained(out);
}
