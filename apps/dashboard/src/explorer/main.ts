// The GraphQL explorer served at GET /graphql to a browser: GraphiQL, built from npm into the dashboard's own
// files, so it works on a machine without the internet. An entry of its own: no dashboard page loads it.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { createElement, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/**
 * Sends each operation as the dashboard does: a JSON POST to /graphql on the same origin (which passes the
 * server's CSRF prevention), with the visitor's session cookie, so the explorer sees what its visitor may see.
 * Subscriptions (graphql-ws on the same path) are not run from here.
 */
const fetcher: Fetcher = async ({ query, variables, operationName }, options) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...options?.headers,
    },
    body: JSON.stringify({ query, variables, operationName }),
  });
  return (await response.json()) as Awaited<ReturnType<Fetcher>>;
};

const DEFAULT_QUERY = `# The tracker's public GraphQL API. The schema: Docs (left), or /graphql/schema.graphql.
# Ctrl-Enter runs the query.
{
  actionPlans {
    nodes {
      slug
      title {
        en
      }
    }
  }
}
`;

createRoot(document.getElementById('explorer')!).render(
  createElement(GraphiQL, { fetcher, defaultQuery: DEFAULT_QUERY }),
);
