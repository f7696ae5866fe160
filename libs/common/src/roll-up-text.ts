import { Completion } from './enums';
import { COMPLETION_LABELS, type Label, type Locale } from './labels';
import {
  aggregatePercent,
  commitmentProgress,
  commitmentSums,
  type WeightedMilestoneInput,
} from './roll-up';

// The roll-up in words: the rules, the formulas with their numbers filled in, and the headlines. The same words
// in the dashboard and every export.

/** The roll-up rules in plain words, printed beside the figures so anyone can recompute them. */
export const ROLL_UP_RULES: Label = {
  da:
    'Et tal tæller det, rapporterne viser: en milepæl, som ingen har rapporteret, lægger intet til og får ' +
    'aldrig en status. En rapporteret milepæl tæller 100 %, når den er gennemført, 0 %, når den ikke er ' +
    'påbegyndt, og den rapporterede procent (0-99), mens den er i gang; en rapport om, at den er i gang, uden ' +
    'en procent tæller som rapporteret, men lægger intet til. Annullerede milepæle er udeladt af alle tal. En ' +
    'forpligtelses procent er sum(vægt × procent) over de rapporterede milepæle / sum(vægt) over alle milepæle, ' +
    'der ikke er annulleret. Gennemsnittet af det rapporterede er den samme sum / vægten af de rapporterede ' +
    'milepæle med en procent. Dækningen er den rapporterede vægt / vægten af alle milepæle, der ikke er ' +
    'annulleret. Er intet rapporteret, vises "Ingen data", aldrig 0 %. Gennemførelsesgraden følger ' +
    'IRM-skalaen ud fra procenten: 0 ikke påbegyndt, over 0 og under 50 begrænset, 50 til under 100 ' +
    'væsentlig, 100 fuldført (alle milepæle, der ikke er annulleret, er rapporteret gennemført); en forpligtelse ' +
    'med en milepæl i gang eller gennemført er mindst begrænset. Et tema, en myndighed og en handlingsplan ' +
    'tæller først sine forpligtelser på hvert niveau; procenten er summen af forpligtelsernes procenter / ' +
    'antallet af forpligtelser (hver forpligtelse tæller én gang, en uden procent lægger intet til); dækningen ' +
    'er andelen af forpligtelser med noget rapporteret, og milepælsdækningen er den rapporterede andel af alle deres ' +
    'milepæles vægt. Procenter og dækning rundes halvt op til én decimal (dækning vist som procent); ' +
    'gennemførelsesgraden bestemmes af den nøjagtige værdi.',
  en:
    'A figure counts what reports show: a milestone nobody has reported adds nothing and is never given a ' +
    'status. A reported milestone counts 100 % when completed, 0 % when not started and its reported percent ' +
    '(0-99) while in progress; an in-progress report without a percent counts as reported but adds nothing. ' +
    "Cancelled milestones are left out of every figure. A commitment's percent is sum(weight × percent) over " +
    'its reported milestones / sum(weight) over all its milestones that are not cancelled. The mean of what ' +
    'was reported is the same sum / the weight of the reported milestones with a percent. Coverage is the ' +
    'reported weight / the weight of all milestones that are not cancelled. When nothing is reported it shows ' +
    '"No data", never 0 %. Completion follows the IRM scale from the percent: 0 not started, above 0 and under ' +
    '50 limited, 50 to under 100 substantial, 100 complete (every milestone that is not cancelled reported ' +
    'completed); a commitment with a milestone in progress or completed is at least limited. A theme, agency ' +
    "or plan first counts its commitments at each level; its percent is the sum of its commitments' percents " +
    '/ the number of its commitments (each counts once, one without a percent adds nothing); its coverage is ' +
    'the share of its commitments with anything reported, and its milestone coverage the reported share of ' +
    "all their milestones' weight. Percents and coverage are rounded half up to one decimal (coverage shown " +
    'as a percent); completion is judged on the exact value.',
};

function formatNumber(value: number, locale: Locale, decimals?: number): string {
  const text = decimals === undefined ? String(Number(value.toFixed(3))) : value.toFixed(decimals);
  return locale === 'da' ? text.replace('.', ',') : text;
}

/** A percent as the dashboard shows it ("41.9%", "41,9 %"); `noData` when null. */
export function formatRollUpPercent(value: number | null, locale: Locale, noData: string): string {
  if (value === null) return noData;
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(value / 100);
}

/**
 * The commitment formula with its numbers filled in, e.g. "(1 × 100 + 2 × 40) / 4 = 45.0 %; reported: weight
 * 3 of 4; mean of what was reported: the same sum / 3 = 60.0 %".
 */
export function describeCommitmentProgress(
  milestones: readonly WeightedMilestoneInput[],
  locale: Locale,
): string {
  const s = commitmentSums(milestones);
  const da = locale === 'da';
  const weight = (units: number) => formatNumber(units / 1000, locale);
  if (s.units === 0) {
    return da
      ? 'Ingen data: ingen milepæle, der ikke er annulleret'
      : 'No data: no milestones that are not cancelled';
  }
  const reported = da
    ? `rapporteret: vægt ${weight(s.reportedUnits)} af ${weight(s.units)}`
    : `reported: weight ${weight(s.reportedUnits)} of ${weight(s.units)}`;
  if (s.reportedUnits === 0) {
    return da
      ? `Ingen data: ingen milepæle rapporteret; ${reported}`
      : `No data: no milestone reported; ${reported}`;
  }
  if (s.percentUnits === 0) {
    return da
      ? `Ingen data: ingen rapporteret milepæl angiver en procent; ${reported}`
      : `No data: no reported milestone gives a percent; ${reported}`;
  }
  const { percent, reportedPercent } = commitmentProgress(milestones);
  const terms = s.terms
    .map((term) => `${formatNumber(term.weight, locale)} × ${formatNumber(term.percent, locale)}`)
    .join(' + ');
  const result = formatNumber(percent!, locale, 1);
  const mean = formatNumber(reportedPercent!, locale, 1);
  return da
    ? `(${terms}) / ${weight(s.units)} = ${result} %; ${reported}; gennemsnit af det rapporterede: samme sum / ${weight(s.percentUnits)} = ${mean} %`
    : `(${terms}) / ${weight(s.units)} = ${result} %; ${reported}; mean of what was reported: the same sum / ${weight(s.percentUnits)} = ${mean} %`;
}

/**
 * A theme's, agency's or plan's percent with its numbers filled in, from its commitments' shown percents:
 * "(70 + 33.3) / 3 = 34.4 %; the other 1 shows no percent and adds nothing".
 */
export function describeAggregateProgress(
  commitmentPercents: readonly (number | null)[],
  locale: Locale,
): string {
  const da = locale === 'da';
  const count = commitmentPercents.length;
  if (count === 0) return da ? 'Ingen data: ingen forpligtelser' : 'No data: no commitments';
  const shown = commitmentPercents.filter((percent): percent is number => percent !== null);
  if (shown.length === 0) {
    return da
      ? `Ingen data: ingen af de ${count} forpligtelser viser en procent`
      : `No data: none of the ${count} commitments shows a percent`;
  }
  const terms = shown.map((percent) => formatNumber(percent, locale)).join(' + ');
  const result = formatNumber(aggregatePercent(commitmentPercents)!, locale, 1);
  const rest = count - shown.length;
  const others =
    rest === 0
      ? ''
      : da
        ? `; de øvrige ${rest} viser ingen procent og lægger intet til`
        : `; the other ${rest} ${rest === 1 ? 'shows' : 'show'} no percent and ${rest === 1 ? 'adds' : 'add'} nothing`;
  return `(${terms}) / ${count} = ${result} %${others}`;
}

/** What a theme's, agency's or plan's headline shows. */
export interface HeadlineFigures {
  percent: number | null;
  commitmentCount: number;
  reportedCount: number;
  completionCounts: Readonly<Partial<Record<Completion, number>>>;
}

/**
 * Counts first, then the percent with its coverage: "4 of 14 commitments complete, 2 substantial, 4 limited, 4
 * with no data; progress shown by reports 41.9%, reported for 10 of 14 commitments". Not started is named
 * only when some commitment is.
 */
export function progressHeadline(figures: HeadlineFigures, locale: Locale): string {
  const count = (level: Completion) => figures.completionCounts[level] ?? 0;
  const n = figures.commitmentCount;
  if (n === 0)
    return locale === 'da' ? 'Ingen forpligtelser: ingen data' : 'No commitments: no data';
  const notStarted = count(Completion.NOT_STARTED);
  const percent = formatRollUpPercent(figures.percent, locale, '');
  if (locale === 'da') {
    const noun = n === 1 ? 'forpligtelse' : 'forpligtelser';
    const levels = [
      `${count(Completion.COMPLETE)} af ${n} ${noun} fuldført`,
      `${count(Completion.SUBSTANTIAL)} væsentligt`,
      `${count(Completion.LIMITED)} begrænset`,
      ...(notStarted > 0 ? [`${notStarted} ikke påbegyndt`] : []),
      `${count(Completion.NO_EVIDENCE)} uden data`,
    ];
    const shown = percent
      ? `fremdrift ifølge rapporterne ${percent}`
      : 'ingen procent ifølge rapporterne';
    return `${levels.join(', ')}; ${shown}, rapporteret for ${figures.reportedCount} af ${n} ${noun}`;
  }
  const noun = n === 1 ? 'commitment' : 'commitments';
  const levels = [
    `${count(Completion.COMPLETE)} of ${n} ${noun} complete`,
    `${count(Completion.SUBSTANTIAL)} substantial`,
    `${count(Completion.LIMITED)} limited`,
    ...(notStarted > 0 ? [`${notStarted} not started`] : []),
    `${count(Completion.NO_EVIDENCE)} with no data`,
  ];
  const shown = percent ? `progress shown by reports ${percent}` : 'no percent shown by reports';
  return `${levels.join(', ')}; ${shown}, reported for ${figures.reportedCount} of ${n} ${noun}`;
}

/** What a commitment's headline shows. */
export interface CommitmentHeadlineFigures {
  percent: number | null;
  completion: Completion;
  milestoneCount: number;
  reportedMilestoneCount: number;
}

/** "Limited: progress shown by reports 33.3%, 1 of 3 milestones reported". */
export function commitmentHeadline(figures: CommitmentHeadlineFigures, locale: Locale): string {
  const level = COMPLETION_LABELS[figures.completion][locale];
  const m = figures.milestoneCount;
  const r = figures.reportedMilestoneCount;
  const percent = formatRollUpPercent(figures.percent, locale, '');
  if (locale === 'da') {
    if (m === 0) return `${level}: ingen milepæle, der ikke er annulleret`;
    const shown = percent
      ? `fremdrift ifølge rapporterne ${percent}`
      : 'ingen procent ifølge rapporterne';
    return `${level}: ${shown}, ${r} af ${m} ${m === 1 ? 'milepæl' : 'milepæle'} rapporteret`;
  }
  if (m === 0) return `${level}: no milestones that are not cancelled`;
  const shown = percent ? `progress shown by reports ${percent}` : 'no percent shown by reports';
  return `${level}: ${shown}, ${r} of ${m} ${m === 1 ? 'milestone' : 'milestones'} reported`;
}
