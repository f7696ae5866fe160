import { PartialDateError, isIsoDate, parsePartialDate, type DatePrecision } from '@ogp/common';
import { DomainException, ErrorCode, assertUuid } from '@ogp/core';
import {
  In,
  type DataSource,
  type EntityManager,
  type EntityTarget,
  type FindOptionsWhere,
  type ObjectLiteral,
} from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AgencyEntity } from '../agencies/agency.entity';
import type { LocalizedTextInput } from './dto/localized-text.input';

// The rules every administration mutation shares: field checks that collect all problems of an input, the
// one-transaction wrapper, and lookups of referenced rows. Patterns and lengths follow plan-file.schema.json
// and the column sizes of the entities, so an item made here could also be loaded from a plan file.

/** Plan slugs: lower-case letters and digits in parts joined by single hyphens. */
export const PLAN_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PLAN_SLUG_SHAPE =
  'lower-case letters and digits in parts joined by single hyphens, e.g. "dk-2017-2019"';
/** Agency slugs and theme keys: lower-case letters and digits in parts joined by single hyphens or underscores. */
export const KEY = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
export const KEY_SHAPE =
  'lower-case letters and digits in parts joined by single hyphens or underscores, e.g. "open_data"';
export const OGP_ID = /^[A-Z]{2}[0-9]{4}$/;
export const OGP_ID_SHAPE = 'two upper-case letters and four digits, e.g. "DK0052"';
export const COUNTRY_CODE = /^[A-Z]{2}$/;
export const COUNTRY_CODE_SHAPE = 'an upper-case ISO 3166-1 alpha-2 code, e.g. "DK"';

/** varchar(100) columns: slugs and keys. */
export const SLUG_MAX = 100;
/** The text columns have no limit; these keep a title a title. */
export const TITLE_MAX = 500;
export const DESCRIPTION_MAX = 10_000;
/** milestone.weight is numeric(8, 3). */
export const WEIGHT_MAX = 99_999.999;

export interface InputProblem {
  /** Path of the argument or input field, e.g. "input.plannedEnd". */
  field: string;
  message: string;
  value?: unknown;
}

/**
 * Collects every problem of one mutation's input, so a client hears about all of them at once. Thrown as one
 * BAD_USER_INPUT whose `extensions.field` is the first problem's path and `extensions.problems` lists them all.
 */
export class InputProblems {
  private readonly problems: InputProblem[] = [];

  add(field: string, message: string, value?: unknown): void {
    this.problems.push(value === undefined ? { field, message } : { field, message, value });
  }

  /** True when `field` (or a part of it) already has a problem: checks that build on it are skipped. */
  has(field: string): boolean {
    return this.problems.some((p) => p.field === field || p.field.startsWith(`${field}.`));
  }

  throwIfAny(): void {
    if (this.problems.length === 0) return;
    throw invalidInput(this.problems);
  }
}

function invalidInput(problems: InputProblem[]): DomainException {
  const [first] = problems;
  return new DomainException(
    ErrorCode.BAD_USER_INPUT,
    problems.map((p) => `${p.field}: ${p.message}`).join('; '),
    {
      field: first.field,
      ...(first.value === undefined ? {} : { value: first.value }),
      problems,
    },
  );
}

/** A field is given when the client sent it, even as null (which clears it); left out, it stays as it is. */
export function isGiven<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** A required identifier: no longer than `max`, matching `pattern`. */
export function checkKey(
  problems: InputProblems,
  field: string,
  value: string | null | undefined,
  pattern: RegExp,
  max: number,
  shape: string,
): string | undefined {
  if (value == null) {
    problems.add(field, 'is required');
    return undefined;
  }
  if (value.length > max) {
    problems.add(field, `must be at most ${max} characters long`, value);
    return undefined;
  }
  if (!pattern.test(value)) {
    problems.add(field, `must be ${shape}`, value);
    return undefined;
  }
  return value;
}

/** Single-line text, trimmed, 1 to `max` characters; null only where `nullable`. */
export function checkText(
  problems: InputProblems,
  field: string,
  value: string | null | undefined,
  { max, nullable }: { max: number; nullable: boolean },
): string | null | undefined {
  if (value == null) {
    if (nullable) return null;
    problems.add(field, 'is required');
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > max) {
    problems.add(
      field,
      `must be 1 to ${max} characters long${nullable ? ' (null for none)' : ''}`,
      value,
    );
    return undefined;
  }
  return trimmed;
}

export interface LocalizedValue {
  da: string | null;
  en: string | null;
}

/**
 * Bilingual text: the given languages over the current ones (a language left out keeps its text, null or
 * empty clears it; null for the whole field clears both). Required text keeps at least one language.
 */
export function checkLocalized(
  problems: InputProblems,
  field: string,
  current: LocalizedValue | null,
  input: LocalizedTextInput | null | undefined,
  { required, max }: { required: boolean; max: number },
): LocalizedValue | undefined {
  const next: LocalizedValue = { da: current?.da ?? null, en: current?.en ?? null };
  let valid = true;
  for (const language of ['da', 'en'] as const) {
    const value = input === null ? null : input?.[language];
    if (value === undefined) continue;
    const trimmed = value === null ? '' : value.trim();
    if (trimmed.length > max) {
      problems.add(`${field}.${language}`, `must be at most ${max} characters long`);
      valid = false;
    }
    next[language] = trimmed === '' ? null : trimmed;
  }
  if (!valid) return undefined;
  if (required && next.da === null && next.en === null) {
    problems.add(field, 'needs Danish or English text (at least one language)');
    return undefined;
  }
  return next;
}

/** A calendar date written YYYY-MM-DD, or null. */
export function checkCalendarDate(
  problems: InputProblems,
  field: string,
  value: string | null,
): string | null | undefined {
  if (value === null) return null;
  if (!isIsoDate(value)) {
    problems.add(field, 'must be a calendar date written YYYY-MM-DD', value);
    return undefined;
  }
  return value;
}

export interface PeriodColumns {
  start: string | null;
  startPrecision: DatePrecision | null;
  end: string | null;
  endPrecision: DatePrecision | null;
}

/**
 * A start and an end as partial dates ("2018-H1"; null clears), over the current ones. The start column holds
 * the first day of its period and the end column the last day, as the plan loader stores them. The start may
 * not come after the end, also when only one of them changes. Returns the columns that change.
 */
export function checkPeriod(
  problems: InputProblems,
  fields: { start: string; end: string },
  input: { start: string | null | undefined; end: string | null | undefined },
  current: PeriodColumns,
  what: string,
): Partial<PeriodColumns> {
  const changes: Partial<PeriodColumns> = {};
  const parse = (field: string, value: string) => {
    try {
      return parsePartialDate(value);
    } catch (error) {
      if (!(error instanceof PartialDateError)) throw error;
      problems.add(field, error.message, value);
      return undefined;
    }
  };
  if (isGiven(input.start)) {
    const parsed = input.start === null ? null : parse(fields.start, input.start);
    if (parsed !== undefined) {
      changes.start = parsed?.start ?? null;
      changes.startPrecision = parsed?.precision ?? null;
    }
  }
  if (isGiven(input.end)) {
    const parsed = input.end === null ? null : parse(fields.end, input.end);
    if (parsed !== undefined) {
      changes.end = parsed?.end ?? null;
      changes.endPrecision = parsed?.precision ?? null;
    }
  }
  if (problems.has(fields.start) || problems.has(fields.end)) return changes;
  const start = changes.start !== undefined ? changes.start : current.start;
  const end = changes.end !== undefined ? changes.end : current.end;
  if (start !== null && end !== null && start > end) {
    const field = isGiven(input.end) ? fields.end : fields.start;
    problems.add(
      field,
      `the ${what} would start (${start}) after it ends (${end}): the start may not come after the end`,
      field === fields.end ? input.end : input.start,
    );
  }
  return changes;
}

/** A milestone weight: above 0, at most 99999.999, with at most three decimals (numeric(8, 3)). */
export function checkWeight(
  problems: InputProblems,
  field: string,
  value: number | null,
): number | undefined {
  if (value === null) {
    problems.add(field, 'is required (the default is 1)');
    return undefined;
  }
  const thousandths = value * 1000;
  if (
    !Number.isFinite(value) ||
    value <= 0 ||
    value > WEIGHT_MAX ||
    Math.abs(thousandths - Math.round(thousandths)) > 1e-6
  ) {
    problems.add(
      field,
      `must be a number above 0 and at most ${WEIGHT_MAX}, with at most three decimals`,
      value,
    );
    return undefined;
  }
  return value;
}

/** A whole number from 1 up. */
export function checkPositiveInteger(
  problems: InputProblems,
  field: string,
  value: number | null | undefined,
): number | undefined {
  if (value == null) {
    problems.add(field, 'is required');
    return undefined;
  }
  if (!Number.isInteger(value) || value < 1) {
    problems.add(field, 'must be a whole number from 1 up', value);
    return undefined;
  }
  return value;
}

/**
 * Agencies named by slug, each unknown or archived one reported. They are read FOR SHARE, so an agency cannot be
 * archived while this transaction links it (archiving locks the row FOR UPDATE and then looks at its links).
 */
export async function referencedAgencies(
  manager: EntityManager,
  problems: InputProblems,
  field: string,
  slugs: readonly string[],
): Promise<AgencyEntity[] | undefined> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return [];
  const found = await manager.getRepository(AgencyEntity).find({
    where: { slug: In(unique) },
    lock: { mode: 'pessimistic_read' },
  });
  const missing = unique.filter((slug) => !found.some((a) => a.slug === slug));
  const archived = found.filter((a) => a.archivedAt !== null).map((a) => a.slug);
  if (missing.length > 0) {
    problems.add(field, `names no agency: ${missing.join(', ')}`, missing);
  }
  if (archived.length > 0) {
    problems.add(field, `names archived agencies: ${archived.join(', ')}`, archived);
  }
  if (missing.length > 0 || archived.length > 0) return undefined;
  return unique.map((slug) => found.find((a) => a.slug === slug)!);
}

/** The answer to a change of an archived item: it stays as it was archived, for its history. */
export function archivedItem(field: string, what: string, key: string): DomainException {
  return DomainException.badInput(
    field,
    `${what} "${key}" is archived: archived items keep their history and cannot be changed`,
    key,
  );
}

interface PostgresError {
  code?: string;
  detail?: string;
  driverError?: { code?: string; detail?: string };
}

/**
 * Runs one mutation in one transaction: any error rolls everything back. The checks inside report a taken
 * slug or number plainly; a concurrent write can still take it between the check and the insert, and the
 * unique violation that follows is answered as BAD_USER_INPUT too. `uniqueFields` maps the key columns of a
 * unique constraint (as PostgreSQL names them in the error detail, e.g. "action_plan_id, key") to the field.
 */
export async function writeTransaction<T>(
  db: DataSource,
  uniqueFields: Readonly<Record<string, string>>,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction(work);
  } catch (error) {
    const failure = error as PostgresError | null;
    const driver = failure?.driverError ?? failure;
    if (driver?.code !== '23505') throw error;
    const columns = /^Key \(([^)]*)\)=/.exec(driver.detail ?? '')?.[1];
    const field = (columns !== undefined ? uniqueFields[columns] : undefined) ?? 'input';
    throw invalidInput([
      { field, message: 'is already taken (another change took it at the same moment)' },
    ]);
  }
}

/**
 * The row whose `field` is `value`, locked until the transaction ends, so concurrent changes to it apply one
 * after the other; NOT_FOUND naming the value. Ids must look like ids before they reach SQL.
 */
export async function lockedRow<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  what: string,
  field: keyof E & string,
  value: unknown,
): Promise<E> {
  // TypeORM drops an undefined condition (and would lock any row): a missing value finds nothing.
  if (typeof value !== 'string') throw DomainException.notFound(what, field, String(value));
  const key = field === 'id' ? assertUuid(field, value) : value;
  const row = await manager.getRepository(entity).findOne({
    where: { [field]: key } as FindOptionsWhere<E>,
    lock: { mode: 'pessimistic_write' },
  });
  if (!row) throw DomainException.notFound(what, field, value);
  return row;
}

/**
 * Archives a row found with lockedRow() and reads it back. Archiving again changes nothing; `refuse` runs first
 * on a row not yet archived, to throw while something visible still depends on it. `columns` are written too.
 */
export async function archiveRow<E extends ObjectLiteral & { id: string; archivedAt: Date | null }>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  row: E,
  options: { refuse?: () => Promise<void>; columns?: QueryDeepPartialEntity<E> } = {},
): Promise<E> {
  const repository = manager.getRepository(entity);
  const byId = { id: row.id } as FindOptionsWhere<E>;
  if (row.archivedAt === null) {
    await options.refuse?.();
    await repository.update(byId, {
      ...options.columns,
      archivedAt: () => 'now()',
    } as QueryDeepPartialEntity<E>);
  }
  return repository.findOneByOrFail(byId);
}

/**
 * The title (required) and description of a plan, commitment or milestone: checked and put into `changes`
 * when creating or when given, left as they are otherwise.
 */
export function checkTitleAndDescription(
  problems: InputProblems,
  creating: boolean,
  input: { title?: LocalizedTextInput | null; description?: LocalizedTextInput | null },
  current: { title: LocalizedValue; description: LocalizedValue } | null,
  changes: { title?: LocalizedValue; description?: LocalizedValue },
): void {
  if (creating || isGiven(input.title)) {
    const title = checkLocalized(problems, 'input.title', current?.title ?? null, input.title, {
      required: true,
      max: TITLE_MAX,
    });
    if (title) changes.title = title;
  }
  if (creating || isGiven(input.description)) {
    const description = checkLocalized(
      problems,
      'input.description',
      current?.description ?? null,
      input.description,
      { required: false, max: DESCRIPTION_MAX },
    );
    if (description) changes.description = description;
  }
}
