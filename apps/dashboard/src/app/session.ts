import type { Role } from '@ogp/common';
import { graphql, setSignedIn } from '../api/client';
import type { LocalizedText } from '../api/dashboard';

export interface SessionUser {
  id: string;
  displayName: string;
  email: string;
  roles: Role[];
  agencies: { slug: string; name: LocalizedText }[];
}

const ME = `query Me { me { id displayName email roles agencies { slug name { da en } } } }`;

/** The signed-in user, read from the session cookie by the API (null when signed out). */
export async function fetchSessionUser(): Promise<SessionUser | null> {
  const data = await graphql<{ me: SessionUser | null }>(ME);
  return data.me;
}

export async function signOut(): Promise<void> {
  await graphql<{ logout: boolean }>('mutation Logout { logout }');
}

/** What the main menu needs of the signed-in user. */
export type MenuUser = Pick<SessionUser, 'displayName' | 'roles'>;

const MENU_KEY = 'ogp.menu';

/**
 * Keeps what the menu showed for the last session read (name and roles; nothing secret), so the next page load
 * draws the menu in its final shape at once instead of growing it when the session answers. Forgotten on
 * signing out; the session read corrects it either way.
 */
export function rememberMenu(user: MenuUser | null): void {
  setSignedIn(!!user);
  try {
    if (user)
      localStorage.setItem(
        MENU_KEY,
        JSON.stringify({ displayName: user.displayName, roles: user.roles }),
      );
    else localStorage.removeItem(MENU_KEY);
  } catch {
    // Storage turned off: the menu is drawn when the session answers.
  }
}

export function rememberedMenu(): MenuUser | null {
  try {
    const value = JSON.parse(localStorage.getItem(MENU_KEY) ?? 'null') as MenuUser | null;
    const user =
      value && typeof value.displayName === 'string' && Array.isArray(value.roles) ? value : null;
    // Until the session read answers, the last one's word decides how reads are sent.
    setSignedIn(!!user);
    return user;
  } catch {
    return null;
  }
}

export function hasRole(user: Pick<SessionUser, 'roles'> | null, ...roles: Role[]): boolean {
  return !!user && user.roles.some((role) => roles.includes(role));
}
