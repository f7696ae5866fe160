// The one catalogue of what the API says when it refuses something: a stable key per message, and the English
// text (for scripts) as a template whose {placeholders} are the message's parameters. The API builds every error
// message from here and sends the key and parameters beside it, so the dashboard can say it in the reader's
// language; a unit test checks that the dashboard translates every key of this catalogue.

const FIELD_MESSAGES = {
  'field.required': 'is required',
  'field.tooLong': 'must be at most {max} characters long',
  'field.textLength': 'must be 1 to {max} characters long',
  'field.textLengthOrNull': 'must be 1 to {max} characters long (null for none)',
  'field.localizedRequired': 'needs Danish or English text (at least one language)',
  'field.calendarDate': 'must be a calendar date written YYYY-MM-DD',
  'field.positiveInteger': 'must be a whole number from 1 up',
  'field.notAnId': 'is not an id this API gave out',
  'field.takenMeanwhile': 'is already taken (another change took it at the same moment)',
  'field.unstorableCharacter': 'contains a character that cannot be stored (U+{code})',
  'field.unstorableSurrogate':
    'contains a character that cannot be stored (U+{code}, half of a surrogate pair)',
  'field.stringTooLong': 'must be at most {max} characters long (it has {length})',
  'field.keyShape':
    'must be lower-case letters and digits in parts joined by single hyphens or underscores, e.g. "open_data"',
  'field.urlRequired': 'is required (an http or https address)',
  'field.urlAbsolute': 'must be an absolute http:// or https:// address',
  'field.futureEnds': 'is in the future: {value} ends {end}, after today ({today})',
  'field.futureBegins': 'is in the future: {value} begins {start}, after today ({today})',
  'field.valueTwice': 'names a value more than once',
  'asOf.malformed': 'must be a calendar day written YYYY-MM-DD',
  'asOf.future': 'must not be in the future (today is {today})',
  'page.first': 'must be a whole number from 0 to {max}',
  'page.after': 'is not a cursor this API gave out',
} as const;

const PARTIAL_DATE_MESSAGES = {
  'partialDate.notText':
    'A partial date must be a string (YYYY, YYYY-H1, YYYY-H2, YYYY-Q1 to YYYY-Q4, YYYY-MM or YYYY-MM-DD), got {type}',
  'partialDate.halfYear': 'Invalid partial date "{value}": the half year must be H1 or H2',
  'partialDate.quarter': 'Invalid partial date "{value}": the quarter must be Q1, Q2, Q3 or Q4',
  'partialDate.month': 'Invalid partial date "{value}": the month must be 01 to 12',
  'partialDate.day': 'Invalid partial date "{value}": the day must be 01 to {lastDay} in {month}',
  'partialDate.form':
    'Invalid partial date "{value}": expected YYYY, YYYY-H1, YYYY-H2, YYYY-Q1 to YYYY-Q4, YYYY-MM or YYYY-MM-DD',
  'partialDate.calendarDate': '{what} must be a calendar date written YYYY-MM-DD, got "{value}"',
  'partialDate.precision': 'The precision must be one of {precisions}, got {value}',
  'partialDate.notPeriodStart':
    '{start} is not the first day of a {period} (a {period} starts on {firstDays})',
  'partialDate.endMismatch': 'A {period} starting {start} ends {expected}, not {end}',
  'plan.startAfterEnd':
    'the plan would start ({start}) after it ends ({end}): the start may not come after the end',
  'milestone.startAfterEnd':
    'the milestone would start ({start}) after it ends ({end}): the start may not come after the end',
} as const;

const PROGRESS_MESSAGES = {
  'progress.percentInProgress':
    'progressPercent must be a whole number from 0 to 99 while the status is IN_PROGRESS (report COMPLETED for 100), got {got}',
  'progress.percentEmpty':
    'progressPercent must be empty (null) when the status is {status}, got {got}',
  'progress.percentImplied':
    'progressPercent must be {expected} when the status is {status}, got {got}',
  'progress.percentRequired': 'is required while the status is IN_PROGRESS (0-99)',
  'progress.versionWholeNumber': 'must be a whole number from 0 up',
  'progress.unknownStatus': 'is not a milestone status',
  'progress.noteReopen': 'reopening a completed milestone needs a note saying why',
  'progress.noteCancel': 'cancelling a milestone needs a note saying why',
  'progress.noteLower': 'lowering the percent needs a note saying why',
  'progress.transition': 'a milestone that is {from} cannot become {to}',
  'progress.archived':
    'the milestone (or its commitment or plan) is archived: its history is kept, no progress is recorded',
  'progress.notLead':
    'Only coordinators of the lead agency of {ogpId} (or administrators) may record its progress',
  'progress.conflict':
    'the milestone is at version {version}; someone reported since you looked. Read the latest update and report again on top of it.',
  'evidence.tooMany': 'may hold at most {max} links, got {count}',
  'evidence.titleRequired': 'is required: 1 to {max} characters saying what the link shows',
  'evidence.requiredForCompleted':
    'is required when the status is COMPLETED: at least one link to what shows the milestone is done',
  'verification.archived': 'the milestone (or its commitment or plan) is archived',
  'verification.disputeNeedsNote': 'a dispute needs a note saying what is wrong',
  'verification.neverReported':
    'the milestone has never been reported: there is no progress to verify',
  'verification.conflict':
    'the milestone has been reported again since the update you read; read the latest update and judge that one.',
  'assessment.archived': 'the commitment (or its plan) is archived',
} as const;

const PROGRESS_IMPORT_MESSAGES = {
  'progressImport.unreadable': 'cannot be read as a {format} file',
  'progressImport.mediaType':
    'must be text/csv or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (an XLSX workbook)',
  'progressImport.tooLarge': 'The file is larger than {max} MB',
  'progressImport.tooManyRows': 'the file holds {count} rows; at most {max} are read at once',
  'progressImport.missingColumn': 'the header row has no column "{column}"',
  'progressImport.keyColumns':
    'the header row needs the column "{milestoneId}", or the columns "{ogpId}" and "{milestoneNumber}"',
  'progressImport.keyRequired':
    'names no milestone: give the milestone id, or the OGP id and the milestone number',
  'progressImport.unknownMilestone': 'names no milestone of plan {plan}',
  'progressImport.keysDisagree':
    'the milestone id and the OGP id with milestone number name different milestones',
  'progressImport.rowTwice': 'names a milestone that row {row} already updates',
  'progressImport.wholeNumber': 'must be a whole number',
  'progressImport.visibility': 'must be PUBLIC or INTERNAL',
  'progressImport.evidenceTitles':
    'holds {titles} title(s) for {urls} address(es): give one title per address, one per line',
  'progressImport.nothingToApply': 'No row has anything filled in: nothing was applied',
  'progressImport.templateAgency':
    'Only coordinators of this agency, reviewers and administrators may download its template',
  'progressImport.agencyRequired': 'is required: the agency whose milestones the template lists',
} as const;

const ADMIN_MESSAGES = {
  'notFound.plan': 'No action plan with {field} "{value}"',
  'notFound.commitment': 'No commitment with {field} "{value}"',
  'notFound.milestone': 'No milestone with {field} "{value}"',
  'notFound.theme': 'No theme with {field} "{value}"',
  'notFound.agency': 'No agency with {field} "{value}"',
  'notFound.user': 'No user with {field} "{value}"',
  'notFound.apiToken': 'No API token with {field} "{value}"',
  'archived.plan':
    'plan "{key}" is archived: archived items keep their history and cannot be changed',
  'archived.theme':
    'theme "{key}" is archived: archived items keep their history and cannot be changed',
  'archived.commitment':
    'commitment "{key}" is archived: archived items keep their history and cannot be changed',
  'archived.milestone':
    'milestone "{key}" is archived: archived items keep their history and cannot be changed',
  'archived.agency':
    'agency "{key}" is archived: archived items keep their history and cannot be changed',
  'plan.slugShape':
    'must be lower-case letters and digits in parts joined by single hyphens, e.g. "dk-2017-2019"',
  'plan.countryCodeShape': 'must be an upper-case ISO 3166-1 alpha-2 code, e.g. "DK"',
  'plan.slugTaken': 'is taken by another plan',
  'plan.slugTakenArchived': 'is taken by an archived plan',
  'plan.publishedNotClearable': 'cannot be cleared: give true or false',
  'plan.unknown': 'names no plan',
  'plan.archivedReference': 'names an archived plan',
  'theme.keyTaken': 'is taken by another theme of the plan',
  'theme.keyTakenArchived': 'is taken by an archived theme of the plan',
  'theme.numberTaken': 'is taken by another theme of the plan ("{key}")',
  'theme.numberTakenArchived': 'is taken by an archived theme of the plan ("{key}")',
  'theme.holdsCommitments':
    'theme "{key}" still holds unarchived commitments: {ogpIds}; move or archive them first',
  'theme.unknownInPlan': 'names no theme of plan {plan}',
  'theme.archivedReference': 'names an archived theme',
  'commitment.ogpIdShape': 'must be two upper-case letters and four digits, e.g. "DK0052"',
  'commitment.ogpIdTaken':
    'is taken by a commitment of plan {plan} (OGP ids are unique across plans)',
  'commitment.ogpIdTakenArchived':
    'is taken by an archived commitment of plan {plan} (OGP ids are unique across plans)',
  'commitment.numberTaken': 'is taken by commitment {ogpId} of the plan',
  'commitment.numberTakenArchived': 'is taken by archived commitment {ogpId} of the plan',
  'commitment.unknownValues': 'holds unknown OGP values: {values}',
  'commitment.leadRequired': 'is required: a commitment has exactly one lead agency',
  'commitment.leadAlsoSupporting':
    'names the lead agency {slug}: the lead is not also a supporting agency',
  'commitment.unknown': 'names no commitment',
  'commitment.archivedReference': 'names an archived commitment',
  'commitment.ofArchivedPlan': 'names a commitment of an archived plan',
  'milestone.weightRequired': 'is required (the default is 1)',
  'milestone.weightRange':
    'must be a number above 0 and at most {max}, with at most three decimals',
  'agency.slugTaken': 'is taken by another agency',
  'agency.slugTakenArchived': 'is taken by an archived agency',
  'agency.parentIsSelf': 'names the agency itself: an agency cannot sit under itself',
  'agency.parentLoop': 'names {parent}, which sits under this agency: parents cannot form a loop',
  'agency.leadsCommitments':
    'agency "{slug}" still leads unarchived commitments: {ogpIds}; give them another lead or archive them first',
  'agency.unknown': 'names no agency: {slugs}',
  'agency.archivedReference': 'names archived agencies: {slugs}',
  'agency.otherCountry': 'names agencies of another country than {country}: {agencies}',
  'agency.notPlanCountry':
    'is not the country of plan {plan} ({country}): leave it out, or give {country}',
  'plan.countryHasAgencies': 'cannot become {code}: the plan names agencies of {country} ({slugs})',
  'filter.noTheme': 'no theme "{key}" in plan {plan}',
  'filter.noAgency': 'no agency "{slug}"',
  'filter.noCommitment': 'no commitment "{ogpId}" in plan {plan}',
  'planFile.invalid': 'The plan file has {count} problem(s):\n{problems}',
} as const;

// What the plan file checks say of one part of a file (each beside its JSON path), and of an import's body.
const PLAN_FILE_MESSAGES = {
  'planFile.schema': '{detail}',
  'planFile.unknownField': 'is not a field of the plan format',
  'planFile.effectiveDateRequired':
    'is required: the date by which a source shows this was true (a partial date such as "2018-10"); when no source gives the date, write the day the source was read and set effectiveDateQualifier to "NOT_LATER_THAN" (the loader never dates a fact by the day it loads it)',
  'planFile.badPartialDate': 'is not a valid partial date',
  'planFile.keyTwice': '"{value}" appears twice',
  'planFile.numberTwice': '{value} appears twice',
  'planFile.noSuchAgency': 'names no agency of this file: "{key}"',
  'planFile.noSuchTheme': 'names no theme of this file: "{key}"',
  'planFile.ownAncestor': 'makes the agency its own ancestor',
  'planFile.periodOrder': 'ends before the plan period starts',
  'planFile.leadAlsoSupporting': '"{key}" is already the lead agency',
  'planFile.plannedOrder': 'ends ({end}) before the planned start ({start})',
  'planFile.actualOrder': 'ends before the actual start',
  'planFile.futureDate': 'is in the future',
  'planFile.percentNotStarted': 'must be 0 for NOT_STARTED',
  'planFile.percentInProgress': 'must be 0-99 (or null when unknown) for IN_PROGRESS',
  'planFile.percentCompleted': 'must be 100 for COMPLETED',
  'planFile.percentCancelled': 'must be null for CANCELLED',
  'planFile.slugExists': 'a plan with slug "{slug}" already exists; nothing was loaded',
  'planFile.ogpIdExists': 'commitment {ogpId} already exists in another plan',
  'planFile.agencyOfOtherCountry':
    'agency "{key}" already exists as a public body of {country}, not of the plan\'s country {planCountry}; give this plan\'s agency another key',
  'planFile.notJson': 'is not JSON that can be read: {detail}',
  'planFile.notJsonType': 'must be a plan file sent as JSON (Content-Type application/json)',
  'planFile.tooLarge': 'is larger than a plan file may be ({max})',
} as const;

const ACCOUNT_MESSAGES = {
  'password.length': 'must be {min} to {max} characters long (it has {length})',
  'password.whitespace': 'must not be only whitespace',
  'password.repeated': 'must not be one character repeated',
  'password.email': 'must not be the email address or its part before the @',
  'password.displayName': 'must not be the display name',
  'password.common': 'is one of the 3,000 most common passwords: choose another',
  'user.email': 'is not an email address',
  'user.emailTaken': 'belongs to another user already',
  'user.coordinatorNeedsAgency': 'a coordinator needs at least one agency',
  'user.agenciesOnlyForCoordinators': 'only coordinators report for agencies',
  'user.roleRequired': 'needs at least one role',
  'user.unknownRoles': 'holds unknown roles: {roles}',
  'user.ownAdminRole': 'you cannot take the ADMIN role from yourself',
  'user.deactivateSelf': 'you cannot deactivate yourself',
  'signIn.email': 'is not an email address of at most {max} characters',
  'signIn.passwordLength': 'must be 1 to {max} characters long',
  'signIn.wrong': 'Wrong email or password',
  'signIn.waitSeconds': 'Too many failed sign-ins: try again in {seconds} second(s)',
  'signIn.waitMinutes': 'Too many failed sign-ins: try again in {minutes} minute(s)',
  'auth.signInFirst': 'Sign in first',
  'auth.roleRequired': 'Only these roles may do this: {roles}',
} as const;

const REQUEST_MESSAGES = {
  'query.tooDeep': 'Query is nested deeper than the limit of {max} levels',
  'query.fragmentsTooDeep':
    'Fragments are nested deeper than the limit of {max} levels (a fragment within a fragment is one level)',
  'request.parameterOnce': 'must be given once',
  'request.zeroOrOne': 'must be 0 or 1',
  'request.language': 'must be da or en',
  'request.unreadable': 'The request is not a GraphQL document that can be read',
  'request.invalid': 'The request asks for something the schema does not have, or asks wrongly',
  'request.badValue': 'A value in the request does not have the type the schema gives it',
  'request.bad': 'The request cannot be served as it was sent',
  'request.queriesOverWebsocket':
    'Send queries over HTTP (POST /graphql); a websocket only subscribes',
  'request.mutationsOverWebsocket':
    'Send mutations over HTTP (POST /graphql); a websocket only subscribes',
  'http.notFound': 'Nothing is served at this address',
  'http.failed': 'The request failed (HTTP {status})',
  'service.databaseUnavailable': 'The database is unavailable; try again shortly',
  'service.busy': 'The server is busy; try again shortly',
  'service.deadline': 'The request took longer than {ms} ms',
  'service.clientGone': 'The client went away',
  'service.notReady': 'The service is not ready: its database does not answer',
  'server.internal': 'Internal server error',
} as const;

export const ERROR_MESSAGES = {
  ...FIELD_MESSAGES,
  ...PARTIAL_DATE_MESSAGES,
  ...PROGRESS_MESSAGES,
  ...PROGRESS_IMPORT_MESSAGES,
  ...ADMIN_MESSAGES,
  ...PLAN_FILE_MESSAGES,
  ...ACCOUNT_MESSAGES,
  ...REQUEST_MESSAGES,
} as const;

export type ErrorMessageKey = keyof typeof ERROR_MESSAGES;

type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** A parameter's value: lists are written out joined by ", ". */
export type ErrorParamValue = string | number | boolean | null | readonly (string | number)[];

/** The parameters a key's text names, each required. */
export type ErrorParams<K extends ErrorMessageKey> = {
  [P in Placeholders<(typeof ERROR_MESSAGES)[K]>]: ErrorParamValue;
};

/** A message as the API sends it: the key and its parameters (in `extensions.messageKey`/`messageParams`). */
export interface ErrorMessage<K extends ErrorMessageKey = ErrorMessageKey> {
  key: K;
  params: Record<string, ErrorParamValue>;
}

type ParamsArgument<K extends ErrorMessageKey> = [
  Placeholders<(typeof ERROR_MESSAGES)[K]>,
] extends [never]
  ? []
  : [ErrorParams<K>];

/** The message `key` with its parameters (required exactly when its text names some). */
export function errorMessage<K extends ErrorMessageKey>(
  key: K,
  ...[params]: ParamsArgument<K>
): ErrorMessage<K> {
  return { key, params: params ?? {} };
}

export function isErrorMessageKey(key: unknown): key is ErrorMessageKey {
  return typeof key === 'string' && Object.hasOwn(ERROR_MESSAGES, key);
}

/** The {names} a message text uses, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))];
}

/** A parameter as plain text: lists joined by ", ", null as "null". */
export function plainParam(value: ErrorParamValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** Fills a text's {names} from `params`, each written by `write` (a name with no parameter stays as it is). */
export function fillMessage(
  text: string,
  params: Readonly<Record<string, ErrorParamValue>>,
  write: (name: string, value: ErrorParamValue) => string = (_name, value) => plainParam(value),
): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? write(name, params[name]) : whole,
  );
}

/** The English text of a message, as the API's `message` carries it. */
export function englishMessage(message: ErrorMessage): string {
  return fillMessage(ERROR_MESSAGES[message.key], message.params);
}
