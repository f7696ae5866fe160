import type { Locale } from '@ogp/common';
import type { Translate } from '../i18n';
import type { SessionUser } from './session';

/** Query parameters of an app link; null removes one. */
export type QueryChanges = Record<string, string | null | undefined>;

/** What a page gets each time it renders: the URL's parts, the language, the signed-in user and the app's helpers. */
export interface PageContext {
  /** Named parts of the path (e.g. slug, ogpId). */
  readonly params: Readonly<Record<string, string>>;
  /** The URL's query (filters and the like), lang and asOf included. */
  readonly query: URLSearchParams;
  readonly locale: Locale;
  readonly t: Translate;
  /** The as-of day (YYYY-MM-DD) or null for today's figures. */
  readonly asOf: string | null;
  /** The signed-in user, or null. */
  readonly user: SessionUser | null;
  /** Aborted when another render starts: pass it to every fetch. */
  readonly signal: AbortSignal;
  /** True when this render follows a live event (keep focus and scroll, announce quietly). */
  readonly live: boolean;
  /** An href for an app path that keeps the language (and the as-of day for public pages). */
  readonly href: (path: string, query?: QueryChanges) => string;
  /** Opens an app path without a reload. */
  readonly navigate: (path: string, query?: QueryChanges, options?: { replace?: boolean }) => void;
  /** Changes this page's query parameters (filters): a new history entry, and a render. */
  readonly setQuery: (changes: QueryChanges) => void;
  /** Says something in the polite status region (screen readers hear it). */
  readonly announce: (message: string) => void;
  /** Reads the signed-in user again (after signing in or out). */
  readonly refreshSession: () => Promise<void>;
}

/** What a render tells the app: the document title and, for live pages, the plan whose activity refreshes it. */
export interface RenderResult {
  title: string;
  livePlan?: string | null;
}

/** One screen: created when its route opens, rendered on every change of URL, language or data, then destroyed. */
export interface PageView {
  readonly element: HTMLElement;
  render(context: PageContext): Promise<RenderResult>;
  destroy(): void;
}
