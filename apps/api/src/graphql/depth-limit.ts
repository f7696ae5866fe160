import { englishMessage, errorMessage, type ErrorMessage } from '@ogp/common';
import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** Why an operation is refused: its fields, or its fragments within fragments, go deeper than `max`. */
function reason(what: 'fields' | 'fragments', max: number): ErrorMessage {
  return errorMessage(what === 'fields' ? 'query.tooDeep' : 'query.fragmentsTooDeep', { max });
}

/** How far a selection set reaches below its own level: fields, and fragments (named or inline) within it. */
interface Reach {
  depth: number;
  fragments: number;
}

/** Thrown as soon as one path of the operation goes past the limit: the rest need not be measured. */
class TooDeep extends Error {
  constructor(readonly what: 'fields' | 'fragments') {
    super(`${what} nested too deep`);
  }
}

/** graphql's introspection entry points: what is selected below them describes the schema, not its data. */
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

export interface DepthLimitOptions {
  /**
   * Whether the server answers introspection. While it does, selections under `__schema` and `__type` are not
   * measured: graphql-js's own `getIntrospectionQuery()` reaches 14 levels through its type references, and
   * introspection's one costly shape (`fields { type { fields ... } }` and the like) is refused by graphql's
   * MaxIntrospectionDepthRule among the specified rules. Other fields of the same operation are measured as ever.
   */
  introspection?: boolean;
}

/**
 * Refuses operations nested deeper than `max` fields, or with fragments nested more than `max` levels, before
 * any resolver runs. Each named fragment is measured once and its reach remembered, so the work grows with the
 * size of the document, not with the number of paths through it (a fragment spreading the next one twice, 21
 * times over, makes 2^21 paths). Measuring stops at the first path past the limit, so the recursion stays
 * shallow whatever the document.
 */
export function depthLimit(max: number, options: DepthLimitOptions = {}): ValidationRule {
  const exempt = options.introspection === true ? INTROSPECTION_FIELDS : new Set<string>();
  return (context: ValidationContext) => {
    const definitions = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) {
        definitions.set(definition.name.value, definition);
      }
    }
    const measured = new Map<string, Reach>();
    const measuring = new Set<string>();

    /** The reach of `set`, found `at` fields and fragments below the operation's root. */
    const reachOf = (set: SelectionSetNode, at: Reach): Reach => {
      let depth = 0;
      let fragments = 0;
      const widen = (inner: Reach) => {
        const total = { depth: at.depth + inner.depth, fragments: at.fragments + inner.fragments };
        if (total.depth > max) throw new TooDeep('fields');
        if (total.fragments > max) throw new TooDeep('fragments');
        depth = Math.max(depth, inner.depth);
        fragments = Math.max(fragments, inner.fragments);
      };
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (!selection.selectionSet || exempt.has(selection.name.value)) continue;
          widen({ depth: 1, fragments: 0 });
          const inner = reachOf(selection.selectionSet, { ...at, depth: at.depth + 1 });
          widen({ depth: 1 + inner.depth, fragments: inner.fragments });
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          widen({ depth: 0, fragments: 1 });
          const inner = reachOf(selection.selectionSet, { ...at, fragments: at.fragments + 1 });
          widen({ depth: inner.depth, fragments: 1 + inner.fragments });
        } else {
          widen({ depth: 0, fragments: 1 });
          const inner = fragmentReach(selection.name.value, {
            ...at,
            fragments: at.fragments + 1,
          });
          widen({ depth: inner.depth, fragments: 1 + inner.fragments });
        }
      }
      return { depth, fragments };
    };

    /** What a named fragment's selection set reaches, measured the first time it is spread. */
    const fragmentReach = (name: string, at: Reach): Reach => {
      const known = measured.get(name);
      if (known) return known;
      const definition = definitions.get(name);
      // Unknown fragments and cycles are graphql's own rules' to report (KnownFragmentNames, NoFragmentCycles).
      if (!definition || measuring.has(name)) return { depth: 0, fragments: 0 };
      measuring.add(name);
      try {
        const reach = reachOf(definition.selectionSet, at);
        measured.set(name, reach);
        return reach;
      } finally {
        measuring.delete(name);
      }
    };

    return {
      OperationDefinition(operation) {
        try {
          reachOf(operation.selectionSet, { depth: 0, fragments: 0 });
        } catch (error) {
          if (!(error instanceof TooDeep)) throw error;
          context.reportError(
            new GraphQLError(englishMessage(reason(error.what, max)), {
              nodes: [operation],
              extensions: {
                code: 'BAD_USER_INPUT',
                field: 'query',
                messageKey: reason(error.what, max).key,
                messageParams: reason(error.what, max).params,
              },
            }),
          );
        }
      },
    };
  };
}
