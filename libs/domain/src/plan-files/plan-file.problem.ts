import {
  englishMessage,
  type ErrorMessage,
  type ErrorMessageKey,
  type ErrorParamValue,
} from '@ogp/common';

/**
 * One thing wrong with a plan file: where (a JSON path like `$.commitments[3].leadAgency`) and what, in English;
 * with the message's key in the error catalogue and its parameters, so a reader can be told it in Danish.
 */
export interface PlanFileProblem {
  path: string;
  message: string;
  messageKey?: ErrorMessageKey;
  params?: Record<string, ErrorParamValue>;
}

/** The problem at `path`, said by a message of the catalogue. */
export function planFileProblem(path: string, reason: ErrorMessage): PlanFileProblem {
  return { path, message: englishMessage(reason), messageKey: reason.key, params: reason.params };
}
