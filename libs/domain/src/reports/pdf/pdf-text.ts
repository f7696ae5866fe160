import type { Label, Locale } from '@ogp/common';

// Every fixed word of the PDF report, in Danish and English. Values the API names (statuses, completion
// levels, precisions, ...) take their labels from @ogp/common, as the dashboard and the other exports do.

export const PDF_TEXT = {
  reportKind: {
    da: 'Statusrapport for handlingsplanen (i form af en evaluering ved periodens afslutning)',
    en: 'Action plan progress report (in the shape of an end-of-term self-assessment)',
  },
  country: { da: 'Land', en: 'Country' },
  period: { da: 'Periode', en: 'Period' },
  asOf: { da: 'Pr. dato', en: 'As of' },
  asOfNote: {
    da: 'Alle tal, statusser og markeringer gælder ved udgangen af denne dag.',
    en: 'Every figure, status and flag holds at the end of this day.',
  },
  generated: { da: 'Dannet', en: 'Generated' },
  licence: { da: 'Datalicens', en: 'Data licence' },
  published: { da: 'Offentliggjort', en: 'Published' },
  publishedYes: {
    da: 'Ja, handlingsplanen er offentlig',
    en: 'Yes, the plan is public',
  },
  publishedNo: {
    da: 'Nej, handlingsplanen er endnu ikke offentlig',
    en: 'No, the plan is not public yet',
  },
  synthetic: {
    da: 'Syntetiske data: denne handlingsplan er opdigtet til test og demonstration.',
    en: 'Synthetic data: this plan is made up for tests and demonstrations.',
  },
  internalWarning: {
    da: 'Rapporten kan indeholde interne noter: del den kun med dem, der må læse dem.',
    en: 'This report may hold internal notes: share it only with those allowed to read them.',
  },
  summary: { da: 'Sammenfatning', en: 'Summary' },
  headline: { da: 'Status for handlingsplanen', en: 'Where the plan stands' },
  level: { da: 'Gennemførelsesgrad', en: 'Completion level' },
  commitments: { da: 'Forpligtelser', en: 'Commitments' },
  percent: { da: 'Procent', en: 'Percent' },
  coverage: { da: 'Dækning', en: 'Coverage' },
  overallPercent: {
    da: 'Fremdrift ifølge rapporterne',
    en: 'Progress shown by reports',
  },
  overallCoverage: {
    da: 'Dækning (forpligtelser med noget rapporteret)',
    en: 'Coverage (commitments with anything reported)',
  },
  milestoneCoverage: {
    da: 'Milepælsdækning (rapporteret andel af milepælenes vægt)',
    en: "Milestone coverage (reported share of the milestones' weight)",
  },
  overallCompletion: { da: 'Gennemførelse (beregnet)', en: 'Completion (computed)' },
  charts: { da: 'Oversigt i diagrammer', en: 'Overview charts' },
  byThemeChart: {
    da: 'Gennemførelsesgrad pr. tema (antal forpligtelser)',
    en: 'Completion levels per theme (number of commitments)',
  },
  timelineChart: {
    da: 'Planlagte og gennemførte milepæle over tid (akkumuleret)',
    en: 'Planned vs completed milestones over time (cumulative)',
  },
  chartData: { da: 'Diagrammets data.', en: "The chart's data." },
  quietMonths: {
    da: 'Måneder, hvor intet var planlagt afsluttet og intet blev gennemført, er udeladt.',
    en: 'Months in which nothing was planned to end and nothing was completed are left out.',
  },
  theme: { da: 'Tema', en: 'Theme' },
  month: { da: 'Måned', en: 'Month' },
  plannedInMonth: { da: 'Planlagt afsluttet', en: 'Planned to end' },
  completedInMonth: { da: 'Gennemført', en: 'Completed' },
  plannedCumulative: { da: 'Planlagt i alt', en: 'Planned, total' },
  completedCumulative: { da: 'Gennemført i alt', en: 'Completed, total' },
  noTimeline: {
    da: 'Ingen milepæle med planlagt slutdato eller dateret gennemførelse.',
    en: 'No milestone with a planned end or a dated completion.',
  },
  commitmentSections: {
    da: 'Evaluering af de enkelte forpligtelser',
    en: 'Commitment by commitment',
  },
  ogpId: { da: 'OGP-id', en: 'OGP ID' },
  leadAgency: { da: 'Ansvarlig myndighed', en: 'Lead agency' },
  supportingAgencies: { da: 'Medvirkende myndigheder', en: 'Supporting agencies' },
  otherStakeholders: { da: 'Andre aktører', en: 'Other stakeholders' },
  computedCompletion: { da: 'Beregnet gennemførelse', en: 'Computed completion' },
  milestones: { da: 'Milepæle', en: 'Milestones' },
  noMilestones: { da: 'Ingen milepæle.', en: 'No milestones.' },
  number: { da: 'Nr.', en: 'No.' },
  milestone: { da: 'Milepæl', en: 'Milestone' },
  planned: { da: 'Planlagt', en: 'Planned' },
  actual: { da: 'Faktisk', en: 'Actual' },
  status: { da: 'Status', en: 'Status' },
  verification: { da: 'Verifikation', en: 'Verification' },
  flags: { da: 'Markeringer', en: 'Flags' },
  history: { da: 'Statushistorik med dokumentation', en: 'Status history with evidence' },
  noHistory: {
    da: 'Ingen statusopdateringer pr. denne dato.',
    en: 'No status updates as of this date.',
  },
  date: { da: 'Dato', en: 'Date' },
  note: { da: 'Note', en: 'Note' },
  evidence: { da: 'Dokumentation', en: 'Evidence' },
  internal: { da: 'Intern', en: 'Internal' },
  notLaterThan: { da: 'senest', en: 'no later than' },
  assessments: {
    da: 'IRM-vurdering ved siden af den beregnede gennemførelse',
    en: 'IRM assessment beside the computed completion',
  },
  noAssessments: {
    da: 'Ingen vurderinger pr. denne dato.',
    en: 'No assessments as of this date.',
  },
  stage: { da: 'Fase', en: 'Stage' },
  assessor: { da: 'Vurderet af', en: 'Assessed by' },
  ratings: { da: 'Vurdering', en: 'Rating' },
  irmCompletion: { da: 'Gennemførelse', en: 'Completion' },
  potentialImpact: { da: 'Mulig virkning', en: 'Potential impact' },
  didItOpenGovernment: { da: 'Åbnede det forvaltningen?', en: 'Did it open government?' },
  starred: { da: 'Stjernemarkeret', en: 'Starred' },
  source: { da: 'Kilde', en: 'Source' },
  sources: { da: 'Kilder', en: 'Sources' },
  planSources: { da: 'Handlingsplanens kilder', en: "The plan's sources" },
  commitmentSources: { da: 'Kilder', en: 'Sources' },
  noSources: { da: 'Ingen kilder.', en: 'No sources.' },
  rules: { da: 'Sådan beregnes tallene', en: 'How the figures are computed' },
  audit: { da: 'Revisionsspor', en: 'Audit chain' },
  auditHead: {
    da: 'Hoved-hash for handlingsplanens offentlige revisionsspor (sha256)',
    en: "Head hash of the plan's public audit chain (sha256)",
  },
  auditEmpty: { da: 'Revisionssporet er tomt.', en: 'The audit chain is empty.' },
  auditHow: {
    da:
      'Hver offentlig statusopdatering, hver verifikation af en sådan og hver vurdering er et led i en ' +
      'hash-kæde: hvert leds hash er sha256 af det forrige leds hash og leddets indhold. Enhver kan ' +
      'genberegne kæden med GraphQL-forespørgslen verifyAuditChain på /graphql; svaret er ok: true, når ' +
      'hvert led passer, og headHash skal være den samme som ovenfor (eller nyere, hvis der siden er ' +
      'rapporteret mere):',
    en:
      'Every public status update, every verdict on one and every assessment is a link in a hash chain: ' +
      "each link's hash is sha256 of the previous link's hash and the link itself. Anyone can recompute " +
      'the chain with the GraphQL query verifyAuditChain at /graphql; it answers ok: true when every link ' +
      'matches, and its headHash should be the one above (or a later one if more has been reported since):',
  },
  page: { da: 'Side', en: 'Page' },
  yes: { da: 'Ja', en: 'Yes' },
  no: { da: 'Nej', en: 'No' },
  none: { da: 'Ingen', en: 'None' },
} satisfies Record<string, Label>;

export type PdfTextKey = keyof typeof PDF_TEXT;

/** A fixed word of the report in `locale`. */
export const say = (key: PdfTextKey, locale: Locale): string => PDF_TEXT[key][locale];
