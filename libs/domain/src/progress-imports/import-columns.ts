import type { Label, Locale } from '@ogp/common';

/**
 * The columns of a progress file, shared by the template writer and the reader: keys that name the milestone,
 * the version the reporter saw, the current state for reference (never read back), and the columns to fill.
 * A header is recognised in Danish, in English or as its key, so a Danish template may be filled in and sent
 * back by anyone, and a script may write the keys.
 */
export type ColumnKey =
  | 'ogpId'
  | 'milestoneNumber'
  | 'milestoneId'
  | 'expectedVersion'
  | 'milestoneTitle'
  | 'plannedEnd'
  | 'currentStatus'
  | 'currentPercent'
  | 'currentActualStart'
  | 'currentActualEnd'
  | 'status'
  | 'percent'
  | 'effectiveDate'
  | 'actualStart'
  | 'actualEnd'
  | 'noteDa'
  | 'noteEn'
  | 'visibility'
  | 'evidenceUrls'
  | 'evidenceTitles';

export interface ImportColumn {
  key: ColumnKey;
  header: Label;
  /** key: names the milestone or its version; reference: shown, never read; fill: what the reporter writes. */
  role: 'key' | 'reference' | 'fill';
  width: number;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'ogpId', header: { da: 'OGP-id', en: 'OGP ID' }, role: 'key', width: 9 },
  {
    key: 'milestoneNumber',
    header: { da: 'Milepæl nr.', en: 'Milestone no.' },
    role: 'key',
    width: 8,
  },
  { key: 'milestoneId', header: { da: 'Milepæl-id', en: 'Milestone id' }, role: 'key', width: 38 },
  {
    key: 'expectedVersion',
    header: { da: 'Forventet version', en: 'Expected version' },
    role: 'key',
    width: 10,
  },
  {
    key: 'milestoneTitle',
    header: { da: 'Milepæl', en: 'Milestone' },
    role: 'reference',
    width: 40,
  },
  {
    key: 'plannedEnd',
    header: { da: 'Planlagt slut', en: 'Planned end' },
    role: 'reference',
    width: 12,
  },
  {
    key: 'currentStatus',
    header: { da: 'Nuværende status', en: 'Current status' },
    role: 'reference',
    width: 14,
  },
  {
    key: 'currentPercent',
    header: { da: 'Nuværende procent', en: 'Current percent' },
    role: 'reference',
    width: 10,
  },
  {
    key: 'currentActualStart',
    header: { da: 'Nuværende faktisk start', en: 'Current actual start' },
    role: 'reference',
    width: 12,
  },
  {
    key: 'currentActualEnd',
    header: { da: 'Nuværende faktisk slut', en: 'Current actual end' },
    role: 'reference',
    width: 12,
  },
  { key: 'status', header: { da: 'Ny status', en: 'New status' }, role: 'fill', width: 16 },
  { key: 'percent', header: { da: 'Ny procent', en: 'New percent' }, role: 'fill', width: 10 },
  {
    key: 'effectiveDate',
    header: { da: 'Gælder pr.', en: 'Effective date' },
    role: 'fill',
    width: 12,
  },
  {
    key: 'actualStart',
    header: { da: 'Faktisk start', en: 'Actual start' },
    role: 'fill',
    width: 12,
  },
  { key: 'actualEnd', header: { da: 'Faktisk slut', en: 'Actual end' }, role: 'fill', width: 12 },
  { key: 'noteDa', header: { da: 'Note (dansk)', en: 'Note (Danish)' }, role: 'fill', width: 40 },
  {
    key: 'noteEn',
    header: { da: 'Note (engelsk)', en: 'Note (English)' },
    role: 'fill',
    width: 40,
  },
  { key: 'visibility', header: { da: 'Synlighed', en: 'Visibility' }, role: 'fill', width: 12 },
  {
    key: 'evidenceUrls',
    header: { da: 'Dokumentation (adresser)', en: 'Evidence URLs' },
    role: 'fill',
    width: 40,
  },
  {
    key: 'evidenceTitles',
    header: { da: 'Dokumentation (titler)', en: 'Evidence titles' },
    role: 'fill',
    width: 30,
  },
];

export const FILL_KEYS: readonly ColumnKey[] = IMPORT_COLUMNS.filter((c) => c.role === 'fill').map(
  (c) => c.key,
);

const normalise = (header: string): string => header.trim().replace(/\s+/g, ' ').toLowerCase();

const BY_HEADER = new Map<string, ColumnKey>(
  IMPORT_COLUMNS.flatMap((column) => [
    [normalise(column.key), column.key] as const,
    [normalise(column.header.da), column.key] as const,
    [normalise(column.header.en), column.key] as const,
  ]),
);

/** The column a header names (Danish, English or the key itself), or null for a column of the user's own. */
export function columnOfHeader(header: string): ColumnKey | null {
  return BY_HEADER.get(normalise(header)) ?? null;
}

export function columnHeader(key: ColumnKey, locale: Locale): string {
  return IMPORT_COLUMNS.find((column) => column.key === key)!.header[locale];
}
