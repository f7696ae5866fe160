import { errorMessage, type ErrorMessage } from '@ogp/common';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { inputProblem, invalidInput, type InputProblem } from '@ogp/core';
import {
  GraphQLError,
  Kind,
  getOperationAST,
  subscribe,
  type DocumentNode,
  type ExecutionArgs,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * Far above any field's own limit (descriptions take 10,000 characters): a string this long is refused before it
 * reaches a service, whose checks then name the field's real limit for anything shorter.
 */
export const STRING_INPUT_MAX = 100_000;

// U+0000 (PostgreSQL's text cannot hold it) and UTF-16 surrogates without their other half (not characters at
// all: the driver would send them as U+FFFD, silently changing what was stored).
// eslint-disable-next-line no-control-regex -- U+0000 is what it looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with one string value, or undefined when it can be stored as it is. */
export function stringProblem(value: string): ErrorMessage | undefined {
  const found = UNSTORABLE.exec(value);
  if (found) {
    const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return errorMessage(
      code === '0000' ? 'field.unstorableCharacter' : 'field.unstorableSurrogate',
      { code },
    );
  }
  if (value.length > STRING_INPUT_MAX) {
    return errorMessage('field.stringTooLong', { max: STRING_INPUT_MAX, length: value.length });
  }
  return undefined;
}

type Variables = Readonly<Record<string, unknown>> | null | undefined;

/**
 * Every string an operation's arguments carry, literal or through variables, in input objects and lists, with
 * its path as the services name fields ("slug", "input.title.da", "input.evidence[0].url"): the problems of
 * those that cannot be stored. Runs on a validated document, before variables are coerced, so values of the
 * wrong shape are walked as they are (coercion refuses them next).
 */
export function stringInputProblems(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
): InputProblem[] {
  const problems: InputProblem[] = [];
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue)
      defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }

  const checkValue = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) problems.push(inputProblem(path, problem));
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => checkValue(item, `${path}[${index}]`));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) checkValue(item, `${path}.${key}`);
    }
  };

  const checkNode = (node: ValueNode, path: string): void => {
    switch (node.kind) {
      case Kind.STRING: {
        const problem = stringProblem(node.value);
        if (problem) problems.push(inputProblem(path, problem));
        return;
      }
      case Kind.LIST:
        node.values.forEach((item, index) => checkNode(item, `${path}[${index}]`));
        return;
      case Kind.OBJECT:
        for (const field of node.fields) checkNode(field.value, `${path}.${field.name.value}`);
        return;
      case Kind.VARIABLE: {
        const name = node.name.value;
        if (variables && Object.hasOwn(variables, name)) checkValue(variables[name], path);
        else {
          const fallback = defaults.get(name);
          if (fallback) checkNode(fallback, path);
        }
        return;
      }
      default:
        return;
    }
  };

  const visited = new Set<string>();
  const walk = (set: SelectionSetNode): void => {
    for (const selection of set.selections) {
      for (const directive of selection.directives ?? []) {
        for (const argument of directive.arguments ?? []) {
          checkNode(argument.value, argument.name.value);
        }
      }
      if (selection.kind === Kind.FIELD) {
        for (const argument of selection.arguments ?? []) {
          checkNode(argument.value, argument.name.value);
        }
        if (selection.selectionSet) walk(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return problems;
}

/** The BAD_USER_INPUT refusing an operation's unstorable strings (HTTP 400, as for variables of the wrong type). */
export function stringInputRefusal(
  document: DocumentNode,
  operation: OperationDefinitionNode | null | undefined,
  variables: Variables,
  { overHttp }: { overHttp: boolean },
): GraphQLError | undefined {
  if (!operation) return undefined;
  const problems = stringInputProblems(document, operation, variables);
  if (problems.length === 0) return undefined;
  const refusal = invalidInput(problems);
  return new GraphQLError(refusal.message, {
    extensions: {
      ...refusal.extensions(),
      ...(overHttp ? { http: { status: 400 } } : {}),
    },
  });
}

/**
 * Refuses, over HTTP, an operation whose arguments carry a string PostgreSQL cannot store or one longer than
 * any field takes: once the operation is known and valid, before any resolver (and so any SQL) runs.
 */
export function stringInputsPlugin(): NonNullable<ApolloDriverConfig['plugins']>[number] {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, operation, request }) {
          const refusal = stringInputRefusal(document, operation, request.variables, {
            overHttp: true,
          });
          return refusal ? Promise.reject(refusal) : Promise.resolve();
        },
      });
    },
  };
}

/** The same refusal for subscriptions over graphql-ws: checked before the subscription's resolver runs. */
export function subscribeWithStringInputs(args: ExecutionArgs): ReturnType<typeof subscribe> {
  const refusal = stringInputRefusal(
    args.document,
    getOperationAST(args.document, args.operationName),
    args.variableValues,
    { overHttp: false },
  );
  return refusal ? Promise.resolve({ errors: [refusal] }) : subscribe(args);
}
