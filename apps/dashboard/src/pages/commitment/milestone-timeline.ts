import { VERIFICATION_LABELS } from '@ogp/common';
import type { CommitmentDetail, MilestoneDetail, PartialDateValue } from '../../api/public';
import type { PageContext } from '../../app/page';
import { milestoneTimelineChart } from '../../charts/public-configs';
import { formatPartialDate } from '../../components/partial-date';
import {
  dateCell,
  flagsText,
  localizedNode,
  percentText,
  plainText,
  sizeChart,
  statusText,
  type ChartSection,
} from '../../components/public-ui';
import { dataTable, h } from '../../dom';

/** The milestones' planned and actual periods: the chart, its summary and the table of the same data. */
export function renderTimeline(s: ChartSection, c: CommitmentDetail, context: PageContext): void {
  const { locale, t } = context;
  const ms = c.milestones;
  const dated = (m: MilestoneDetail) => !!(m.plannedStart && m.plannedEnd);
  const done = (m: MilestoneDetail) => !!(m.actualStart && m.actualEnd);
  s.heading.textContent = t('pubTimelineCaption');
  s.summary.textContent = ms.length
    ? t('pubTimelineSummary', {
        count: ms.length,
        planned: ms.filter(dated).length,
        actual: ms.filter(done).length,
        noData: ms.filter((m) => m.status === null).length,
      })
    : t('pubNoMilestones');
  s.note.hidden = ms.length === 0;
  s.note.textContent = t('pubTimelineNote');
  s.canvas.setAttribute('aria-label', t('pubTimelineCaption'));
  s.chart.hidden = !ms.some((m) => dated(m) || done(m));
  s.table.hidden = ms.length === 0;
  sizeChart(s, ms.length, 64);
  const words = (date: PartialDateValue) => formatPartialDate(date, locale);
  s.view.update(
    milestoneTimelineChart(
      ms.map((m) => ({
        label: `${m.position}. ${plainText(m.title, locale)}`,
        plannedStart: m.plannedStart,
        plannedEnd: m.plannedEnd,
        actualStart: m.actualStart,
        actualEnd: m.actualEnd,
      })),
      locale,
      {
        planned: t('pubPlanned'),
        actual: t('pubActual'),
        describe: (start, end) => `${words(start)} – ${words(end)}`,
      },
    ),
  );
  const date = (value: PartialDateValue | null) => dateCell(value, locale, t);
  s.table.replaceChildren(
    dataTable(
      t('pubTimelineCaption'),
      [
        { label: t('pubMilestone') },
        { label: t('pubPlannedStart') },
        { label: t('pubPlannedEnd') },
        { label: t('pubActualStart') },
        { label: t('pubActualEnd') },
        { label: t('pubStatus') },
        { label: t('pubPercent'), numeric: true },
        { label: t('pubFlags') },
        { label: t('pubVerification') },
      ],
      ms.map((m) => ({
        key: m.id,
        header: h(
          'a',
          { href: `#milestone-${m.id}` },
          `${m.position}. `,
          localizedNode(m.title, locale, t),
        ),
        cells: [
          date(m.plannedStart),
          date(m.plannedEnd),
          date(m.actualStart),
          date(m.actualEnd),
          { text: statusText(m.status, locale), value: m.status },
          { text: percentText(m.progressPercent, locale, t), value: m.progressPercent },
          { text: flagsText(m.flags, locale, t), value: m.flags.join(' ') },
          { text: VERIFICATION_LABELS[m.verification][locale], value: m.verification },
        ],
      })),
    ),
  );
}
