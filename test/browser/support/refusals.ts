import type { Page } from 'playwright-core';
import { graphql } from '../../utils/graphql-client';

// What the API answered, over HTTP, when asked with the same input a form sends, and what a Danish page shows
// of it: the check that the API's English is absent does not depend on a copy of that English in the tests.

export interface ApiRefusal {
  message: string;
  extensions?: {
    code?: string;
    field?: string;
    messageKey?: string;
    messageParams?: Record<string, unknown>;
    problems?: {
      field: string;
      message: string;
      messageKey?: string;
      messageParams?: Record<string, unknown>;
    }[];
  };
}

/** The one error the API answers `query` with (`headers` carry a session cookie, or none). */
export async function apiRefusal(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<ApiRefusal> {
  const answer = await graphql(baseUrl, query, variables, headers);
  expect(answer.errors?.length).toBe(1);
  return answer.errors![0];
}

/** The message keys of a refusal's field problems: those it lists, or its own when it names a single field. */
export function problemKeys(error: ApiRefusal): (string | undefined)[] {
  const listed = error.extensions?.problems;
  if (listed) return listed.map((problem) => problem.messageKey);
  return error.extensions?.field ? [error.extensions.messageKey] : [];
}

/** The English texts of a refusal: its message and each problem's, without the field named in front. */
export function englishTexts(error: ApiRefusal): string[] {
  const problems = error.extensions?.problems ?? [];
  return [error.message, ...problems.map((problem) => problem.message)].map((text) =>
    text.replace(/^[\w.[\]]+: /, ''),
  );
}

/**
 * The error shown by a field (by the id of the control or fieldset it describes): the control is marked invalid
 * unless `invalid` is false (a fieldset of rows is only described), and the error is in the page's language.
 */
export async function fieldError(page: Page, controlId: string, invalid = true): Promise<string> {
  if (invalid) await page.waitForSelector(`#${controlId}[aria-invalid="true"]`);
  const errorId = await page.waitForFunction(
    (id) =>
      document
        .getElementById(id)
        ?.getAttribute('aria-describedby')
        ?.split(' ')
        .find((described) => described.endsWith('-error')) ?? false,
    controlId,
  );
  const id = (await errorId.jsonValue()) as string;
  expect(await page.isVisible(`#${id}`)).toBe(true);
  // Said in the page's language: not marked as English text.
  expect(await page.getAttribute(`#${id}`, 'lang')).toBeNull();
  return (await page.textContent(`#${id}`))!.trim();
}

/** The shown error summary's entries, as read. */
export async function summaryEntries(page: Page): Promise<string[]> {
  await page.waitForSelector('.error-summary:not([hidden]) li');
  return page.$$eval('.error-summary:not([hidden]) li', (items) =>
    items.map((item) => (item as HTMLElement).innerText.trim()),
  );
}

/** No English text of the refusal anywhere on the page, and nothing of a summary marked as English. */
export async function expectNoEnglish(page: Page, error: ApiRefusal): Promise<void> {
  // In any case: the page may begin a message with a capital where the API does not.
  const shown = (await page.innerText('main')).toLowerCase();
  for (const english of englishTexts(error)) expect(shown).not.toContain(english.toLowerCase());
  expect(await page.$$eval('.error-summary [lang="en"]', (nodes) => nodes.length)).toBe(0);
}

/**
 * Expects `controlId`'s field to show `expected` (waiting a while for the answer to come, as a form may show an
 * earlier error until then), by the rules of fieldError.
 */
export async function expectFieldError(
  page: Page,
  controlId: string,
  expected: string,
  invalid = true,
): Promise<void> {
  await page
    .waitForFunction(
      ([id, text]) => {
        const described = document.getElementById(id)?.getAttribute('aria-describedby') ?? '';
        const errorId = described.split(' ').find((name) => name.endsWith('-error'));
        return !!errorId && document.getElementById(errorId)?.textContent?.trim() === text;
      },
      [controlId, expected] as const,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  expect(await fieldError(page, controlId, invalid)).toBe(expected);
  // The summary above the form says it too.
  expect((await summaryEntries(page)).join('\n')).toContain(expected);
}
