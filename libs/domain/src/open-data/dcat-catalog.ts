import type { Locale } from '@ogp/common';
import type { OpenDataPlan, TextPair } from './open-data.queries';

/** One file the tracker serves for every published plan, described as a dcat:Distribution. */
interface DistributionKind {
  path: string;
  mediaType: string;
  /** The EU file-type authority's code. */
  fileType: string;
  title: Record<Locale, string>;
}

const DISTRIBUTIONS: readonly DistributionKind[] = [
  {
    path: 'export.csv',
    mediaType: 'text/csv',
    fileType: 'CSV',
    title: { da: 'Delmål som CSV', en: 'Milestones as CSV' },
  },
  {
    path: 'export.irm.csv',
    mediaType: 'text/csv',
    fileType: 'CSV',
    title: {
      da: 'Forpligtelser med IRM-vurderinger som CSV',
      en: 'Commitments with IRM assessments as CSV',
    },
  },
  {
    path: 'export.xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileType: 'XLSX',
    title: { da: 'Regneark (XLSX)', en: 'Spreadsheet (XLSX)' },
  },
  {
    path: 'export.json',
    mediaType: 'application/json',
    fileType: 'JSON',
    title: { da: 'Hele planen som JSON', en: 'The whole plan as JSON' },
  },
  {
    path: 'export.pdf',
    mediaType: 'application/pdf',
    fileType: 'PDF',
    title: { da: 'Rapport (PDF)', en: 'Report (PDF)' },
  },
  {
    path: 'export.docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    fileType: 'DOCX',
    title: { da: 'Udkast til selvevaluering (DOCX)', en: 'Draft self-assessment (DOCX)' },
  },
  {
    path: 'feed.atom',
    mediaType: 'application/atom+xml',
    fileType: 'ATOM',
    title: { da: 'Statusopdateringer (Atom-feed)', en: 'Status updates (Atom feed)' },
  },
];

const EU = 'http://publications.europa.eu/resource/authority';
const LANGUAGES = [`${EU}/language/DAN`, `${EU}/language/ENG`];

/** Prefixes only, written out in the document: a reader needs no network to expand it. */
export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

export interface CatalogInput {
  plans: OpenDataPlan[];
  /** The site's origin (no trailing slash). */
  base: string;
  licence: string;
}

const id = (iri: string) => ({ '@id': iri });
const date = (value: string) => ({ '@value': value, '@type': 'xsd:date' });
const dateTime = (value: Date) => ({ '@value': value.toISOString(), '@type': 'xsd:dateTime' });

/** Language-tagged literals for the languages the text has. */
function literals(text: TextPair | Record<Locale, string>) {
  return (['da', 'en'] as const)
    .filter((lang) => !!text[lang]?.trim())
    .map((lang) => ({ '@value': text[lang]!.trim(), '@language': lang }));
}

/** A DCAT-AP 3.0 catalogue (JSON-LD) of the tracker's open data: one dataset per published plan. */
export function buildDcatCatalog({ plans, base, licence }: CatalogInput): Record<string, unknown> {
  const tracker = {
    '@id': `${base}/#tracker`,
    '@type': 'foaf:Agent',
    'foaf:name': literals({ da: 'OGP-forpligtelsestracker', en: 'OGP commitment tracker' }),
  };
  const modified = plans.reduce<Date | null>(
    (latest, plan) => (latest === null || plan.modifiedAt > latest ? plan.modifiedAt : latest),
    null,
  );
  return {
    '@context': DCAT_CONTEXT,
    '@id': `${base}/api/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': literals({
      da: 'Åbne data om OGP-handlingsplaner',
      en: 'Open data on OGP national action plans',
    }),
    'dct:description': literals({
      da: 'Forpligtelser, delmål og deres fremdrift med dokumentation for hver offentliggjort handlingsplan.',
      en: 'Commitments, milestones and their progress with evidence for every published action plan.',
    }),
    'dct:publisher': tracker,
    'foaf:homepage': id(`${base}/`),
    'dct:language': LANGUAGES.map(id),
    'dct:license': id(licence),
    ...(modified ? { 'dct:modified': dateTime(modified) } : {}),
    'dcat:dataset': plans.map((plan) => dataset(plan, base, licence, tracker)),
  };
}

function dataset(
  plan: OpenDataPlan,
  base: string,
  licence: string,
  tracker: Record<string, unknown>,
): Record<string, unknown> {
  const slug = encodeURIComponent(plan.slug);
  const page = `${base}/plans/${slug}`;
  const title = literals(plan.title);
  const description = literals(plan.description);
  return {
    '@id': `${base}/api/plans/${slug}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': plan.slug,
    'dct:title': title.length > 0 ? title : [{ '@value': plan.slug }],
    // DCAT-AP asks for a description: the plan's own, or what the dataset holds.
    'dct:description':
      description.length > 0
        ? description
        : literals({
            da: `Fremdrift på forpligtelserne i ${plan.title.da ?? plan.slug}.`,
            en: `Progress on the commitments of ${plan.title.en ?? plan.slug}.`,
          }),
    'dct:publisher': publisher(plan, base) ?? tracker,
    'dcat:landingPage': id(page),
    'dct:language': LANGUAGES.map(id),
    'dct:license': id(licence),
    'dct:modified': dateTime(plan.modifiedAt),
    ...(plan.publishedOn ? { 'dct:issued': date(plan.publishedOn) } : {}),
    ...(plan.periodStart || plan.periodEnd
      ? {
          'dct:temporal': {
            '@type': 'dct:PeriodOfTime',
            ...(plan.periodStart ? { 'dcat:startDate': date(plan.periodStart) } : {}),
            ...(plan.periodEnd ? { 'dcat:endDate': date(plan.periodEnd) } : {}),
          },
        }
      : {}),
    'dcat:keyword': literals({ da: 'åben forvaltning', en: 'open government' }),
    'dcat:theme': id(`${EU}/data-theme/GOVE`),
    'dcat:distribution': DISTRIBUTIONS.map((kind) => {
      const url = `${base}/api/plans/${slug}/${kind.path}`;
      return {
        '@id': url,
        '@type': 'dcat:Distribution',
        'dct:title': literals(kind.title),
        'dcat:accessURL': id(url),
        'dcat:downloadURL': id(url),
        'dcat:mediaType': id(`http://www.iana.org/assignments/media-types/${kind.mediaType}`),
        'dct:format': id(`${EU}/file-type/${kind.fileType}`),
        'dct:license': id(licence),
        'dct:language': LANGUAGES.map(id),
      };
    }),
  };
}

/** The plan's government, as its coordinating agency. */
function publisher(plan: OpenDataPlan, base: string): Record<string, unknown> | null {
  if (!plan.coordinator) return null;
  const name = literals(plan.coordinator.name);
  if (name.length === 0) return null;
  return {
    '@id': `${base}/plans/${encodeURIComponent(plan.slug)}/agencies/${encodeURIComponent(plan.coordinator.slug)}`,
    '@type': 'foaf:Agent',
    'foaf:name': name,
  };
}
