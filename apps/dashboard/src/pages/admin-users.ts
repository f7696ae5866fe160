import { Role, ROLE_LABELS, type Locale } from '@ogp/common';
import {
  createUser,
  deactivateUser,
  fetchAllAgencies,
  fetchUsers,
  setUserRoles,
  type AgencyRow,
  type UserRow,
} from '../api/admin';
import type { PageContext, PageView, RenderResult } from '../app/page';
import { dataTable, h } from '../dom';
import { ErrorSummary } from '../forms/error-summary';
import { FieldGroup, textField } from '../forms/field';
import type { Translate } from '../i18n';
import '../styles/forms.css';
import '../styles/review-admin.css';
import { fieldTarget, FormProblems, srOnly, titleIn, type ProblemTarget } from './review';

const ROLES = [Role.ADMIN, Role.COORDINATOR, Role.REVIEWER];

/** Checkboxes for a user's roles and (for coordinators) agencies; what is ticked survives a re-render. */
class RolesPicker {
  readonly roles: FieldGroup;
  readonly agencies: FieldGroup;
  private readonly roleBoxes = new Map<Role, [HTMLInputElement, HTMLLabelElement]>();
  private agencyBoxes = new Map<string, HTMLInputElement>();

  constructor(private readonly prefix: string) {
    this.roles = new FieldGroup(`${prefix}-roles`);
    this.agencies = new FieldGroup(`${prefix}-agencies`, 'ra-scroll');
    for (const role of ROLES) {
      const input = h('input', {
        type: 'checkbox',
        name: 'roles',
        value: role,
        id: `${prefix}-role-${role}`,
      });
      const label = h('label', { for: input.id });
      this.roleBoxes.set(role, [input, label]);
      this.roles.body.append(h('div', { class: 'choice' }, input, label));
    }
  }

  render(agencies: AgencyRow[], t: Translate, locale: Locale): void {
    this.roles.setLegend(t('admRoles'));
    for (const [role, [, label]] of this.roleBoxes) label.textContent = ROLE_LABELS[role][locale];
    this.agencies.setLegend(t('admAgencies')).setHint(t('admAgenciesHint'));
    const ticked = new Set(this.agencySlugs);
    const boxes = new Map<string, HTMLInputElement>();
    this.agencies.body.replaceChildren(
      ...agencies.map((agency) => {
        const input = h('input', {
          type: 'checkbox',
          name: 'agencies',
          value: agency.slug,
          id: `${this.prefix}-agency-${agency.slug}`,
          checked: ticked.has(agency.slug),
        });
        boxes.set(agency.slug, input);
        return h(
          'div',
          { class: 'choice' },
          input,
          h('label', { for: input.id }, titleIn(agency.name, locale)),
        );
      }),
    );
    this.agencyBoxes = boxes;
  }

  get roleValues(): Role[] {
    return [...this.roleBoxes].filter(([, [input]]) => input.checked).map(([role]) => role);
  }

  get agencySlugs(): string[] {
    return [...this.agencyBoxes].filter(([, input]) => input.checked).map(([slug]) => slug);
  }

  set(roles: Role[], agencySlugs: string[]): void {
    for (const [role, [input]] of this.roleBoxes) input.checked = roles.includes(role);
    for (const [slug, input] of this.agencyBoxes) input.checked = agencySlugs.includes(slug);
  }

  targets(): { roles: ProblemTarget; agencies: ProblemTarget } {
    const group = (g: FieldGroup, first: () => string): ProblemTarget => ({
      setError: (text, lang) => g.setError(text, lang),
      label: () => g.legend.textContent ?? '',
      targetId: first,
    });
    return {
      roles: group(this.roles, () => `${this.prefix}-role-${ROLES[0]}`),
      agencies: group(
        this.agencies,
        () => [...this.agencyBoxes.values()][0]?.id ?? this.agencies.id,
      ),
    };
  }
}

/** Administrators' list of users: create, change roles and agencies, deactivate. */
export class AdminUsersPage implements PageView {
  readonly element: HTMLElement;
  private readonly heading = h('h1');
  // A live region of the page's own: it outlives the re-render after a change, so the message is heard.
  private readonly status = h('p', {
    class: 'ra-success',
    id: 'users-success',
    role: 'status',
    tabindex: '-1',
  });
  // The new-user form.
  private readonly createHeading = h('h2', { id: 'user-create-heading' });
  private readonly createSummary = new ErrorSummary('user-create-errors');
  private readonly displayName = textField('user-name', { autocomplete: 'off' });
  private readonly email = textField('user-email', { type: 'email', autocomplete: 'off' });
  private readonly password = textField('user-password', {
    type: 'password',
    autocomplete: 'new-password',
  });
  private readonly createRoles = new RolesPicker('user-create');
  private readonly createSubmit = h('button', { type: 'submit' });
  private readonly createForm = h('form', {
    class: 'form',
    id: 'user-create',
    novalidate: true,
    'aria-labelledby': 'user-create-heading',
  });
  private readonly createProblems: FormProblems;
  // Changing roles of the user named by ?edit=.
  private readonly editSection = h('section', {
    id: 'user-edit',
    'aria-labelledby': 'user-edit-heading',
    hidden: true,
  });
  private readonly editHeading = h('h2', { id: 'user-edit-heading', tabindex: '-1' });
  private readonly editSummary = new ErrorSummary('user-edit-errors');
  private readonly editRoles = new RolesPicker('user-edit');
  private readonly editSubmit = h('button', { type: 'submit' });
  private readonly editCancel = h('a');
  private readonly editForm = h('form', {
    class: 'form',
    id: 'user-edit-form',
    novalidate: true,
    'aria-labelledby': 'user-edit-heading',
  });
  private readonly editProblems: FormProblems;
  private editing: string | null = null;
  // Deactivation, after a confirmation step.
  private readonly confirm = h('div', {
    class: 'ra-confirm',
    id: 'user-confirm',
    role: 'group',
    'aria-labelledby': 'user-confirm-text',
    hidden: true,
  });
  private readonly listSection = h('section', {
    id: 'users',
    'aria-labelledby': 'users-heading',
  });
  private readonly listSummary = new ErrorSummary('users-errors');
  private readonly listProblems = new FormProblems(this.listSummary, {});
  private users: UserRow[] = [];
  private ctx: PageContext | null = null;
  private busy = false;

  constructor() {
    const create = this.createRoles.targets();
    this.createProblems = new FormProblems(this.createSummary, {
      displayName: fieldTarget(this.displayName),
      email: fieldTarget(this.email),
      password: fieldTarget(this.password),
      roles: create.roles,
      agencySlugs: create.agencies,
    });
    const edit = this.editRoles.targets();
    this.editProblems = new FormProblems(this.editSummary, {
      roles: edit.roles,
      agencySlugs: edit.agencies,
    });
    this.createForm.append(
      h('div', { class: 'ra-pair' }, this.displayName.element, this.email.element),
      this.password.element,
      this.createRoles.roles.element,
      this.createRoles.agencies.element,
      h('div', { class: 'form-actions' }, this.createSubmit),
    );
    this.editForm.append(
      this.editRoles.roles.element,
      this.editRoles.agencies.element,
      h('div', { class: 'form-actions' }, this.editSubmit, this.editCancel),
    );
    this.editSection.append(this.editHeading, this.editSummary.element, this.editForm);
    this.element = h(
      'div',
      { class: 'admin-users' },
      this.heading,
      this.status,
      this.listSummary.element,
      this.confirm,
      this.editSection,
      this.listSection,
      h(
        'section',
        { id: 'user-new', 'aria-labelledby': 'user-create-heading' },
        this.createHeading,
        this.createSummary.element,
        this.createForm,
      ),
    );
    this.createForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.create();
    });
    this.editForm.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.saveRoles();
    });
  }

  async render(context: PageContext): Promise<RenderResult> {
    this.ctx = context;
    const { t, locale, signal } = context;
    const [users, agencies] = await Promise.all([fetchUsers(signal), fetchAllAgencies(signal)]);
    if (signal.aborted) return { title: '' };
    this.users = users;
    this.heading.textContent = t('admUsersTitle');
    this.createHeading.textContent = t('admNewUser');
    this.displayName.setLabel(t('admDisplayName')).setHint(t('admDisplayNameHint'));
    this.email.setLabel(t('admEmail'));
    this.password.setLabel(t('admPassword')).setHint(t('admPasswordHint'));
    this.createRoles.render(agencies, t, locale);
    this.createSubmit.textContent = t('admCreateUser');
    this.editRoles.render(agencies, t, locale);
    this.renderEdit(context);
    this.renderList(context);
    return { title: t('admUsersTitle') };
  }

  private renderEdit(context: PageContext): void {
    const { t } = context;
    const id = context.query.get('edit');
    const user = this.users.find((u) => u.id === id) ?? null;
    this.editSection.hidden = !user;
    if (!user) {
      this.editing = null;
      return;
    }
    this.editHeading.textContent = t('admEditRolesOf', { name: user.displayName });
    this.editSubmit.textContent = t('admSaveRoles');
    this.editCancel.textContent = t('admCancel');
    this.editCancel.href = context.href('/admin/users');
    // Fill the form only when another user is opened: a re-render keeps what the admin ticked.
    if (this.editing !== user.id) {
      this.editing = user.id;
      this.editProblems.clear();
      this.editRoles.set(
        user.roles,
        user.agencies.map((a) => a.slug),
      );
      // After the shell's own focus on the page heading.
      if (!context.live) setTimeout(() => this.editHeading.focus(), 0);
    }
  }

  private renderList(context: PageContext): void {
    const { t, locale, href } = context;
    const active = this.users.filter((u) => u.isActive).length;
    this.listSection.replaceChildren(
      h('h2', { id: 'users-heading' }, t('admUsersHeading')),
      h('p', { class: 'summary' }, t('admUsersSummary', { total: this.users.length, active })),
      h(
        'div',
        { class: 'table-wrap' },
        dataTable(
          t('admUsersHeading'),
          [
            { label: t('admDisplayName') },
            { label: t('admEmail') },
            { label: t('admRoles') },
            { label: t('admAgencies') },
            { label: t('admActive') },
            { label: t('rvAction') },
          ],
          this.users.map((user) => {
            const actions: Node[] = [
              h(
                'a',
                { href: href('/admin/users', { edit: user.id }), class: 'ra-edit-link' },
                t('admChangeRoles'),
                srOnly(`: ${user.displayName}`),
              ),
            ];
            const self = context.user?.id === user.id;
            if (user.isActive && !self) {
              const button = h(
                'button',
                { type: 'button', class: 'secondary ra-deactivate' },
                t('admDeactivate'),
                srOnly(`: ${user.displayName}`),
              );
              button.addEventListener('click', () => this.askDeactivate(user, button));
              actions.push(button);
            }
            return {
              key: user.email,
              header: user.displayName,
              cells: [
                { text: user.email },
                {
                  text: user.roles.map((role) => ROLE_LABELS[role][locale]).join(', '),
                },
                {
                  text: user.agencies.length
                    ? user.agencies.map((a) => titleIn(a.name, locale)).join(', ')
                    : t('admNone'),
                },
                {
                  text: h(
                    'span',
                    { 'data-active': String(user.isActive) },
                    user.isActive ? t('admYes') : t('admNoDeactivated'),
                  ),
                },
                { text: h('div', { class: 'ra-actions' }, ...actions) },
              ],
            };
          }),
        ),
      ),
    );
  }

  private askDeactivate(user: UserRow, opener: HTMLElement): void {
    const t = this.ctx!.t;
    const yes = h('button', { type: 'button', id: 'user-confirm-yes' }, t('admConfirmDeactivate'));
    const no = h('button', { type: 'button', class: 'secondary' }, t('admCancel'));
    this.confirm.replaceChildren(
      h(
        'p',
        { id: 'user-confirm-text' },
        t('admDeactivateQuestion', { name: user.displayName, email: user.email }),
      ),
      h('div', { class: 'form-actions' }, yes, no),
    );
    this.confirm.hidden = false;
    yes.focus();
    no.addEventListener('click', () => {
      this.confirm.hidden = true;
      if (opener.isConnected) opener.focus();
    });
    yes.addEventListener('click', () => void this.deactivate(user));
  }

  private async deactivate(user: UserRow): Promise<void> {
    const context = this.ctx!;
    if (this.busy) return;
    this.busy = true;
    this.listProblems.clear();
    try {
      await deactivateUser(user.id);
      this.confirm.hidden = true;
      await this.done(context.t('admDeactivated', { name: user.displayName }));
      this.status.focus();
    } catch (error) {
      this.confirm.hidden = true;
      this.listProblems.showError(error, context, 'userId');
    } finally {
      this.busy = false;
    }
  }

  private async create(): Promise<void> {
    const context = this.ctx;
    if (!context || this.busy) return;
    const { t } = context;
    this.createProblems.clear();
    this.status.textContent = '';
    const roles = this.createRoles.roleValues;
    if (roles.length === 0) {
      this.createProblems.show(t('rvErrorSummary'), [{ key: 'roles', text: t('admChooseRole') }]);
      return;
    }
    this.busy = true;
    this.createSubmit.setAttribute('aria-disabled', 'true');
    try {
      const user = await createUser({
        displayName: this.displayName.control.value,
        email: this.email.control.value,
        password: this.password.control.value,
        roles,
        agencySlugs: this.createRoles.agencySlugs,
      });
      this.createForm.reset();
      await this.done(t('admUserCreated', { name: user.displayName, email: user.email }));
    } catch (error) {
      this.createProblems.showError(error, context);
    } finally {
      this.busy = false;
      this.createSubmit.removeAttribute('aria-disabled');
    }
  }

  private async saveRoles(): Promise<void> {
    const context = this.ctx;
    const user = this.users.find((u) => u.id === this.editing);
    if (!context || !user || this.busy) return;
    const { t } = context;
    this.editProblems.clear();
    const roles = this.editRoles.roleValues;
    if (roles.length === 0) {
      this.editProblems.show(t('rvErrorSummary'), [{ key: 'roles', text: t('admChooseRole') }]);
      return;
    }
    this.busy = true;
    this.editSubmit.setAttribute('aria-disabled', 'true');
    try {
      const saved = await setUserRoles(user.id, roles, this.editRoles.agencySlugs);
      this.editing = null;
      this.showStatus(t('admRolesSaved', { name: saved.displayName }));
      // Back to the list: the change shows in the user's row.
      context.navigate('/admin/users', { edit: null });
    } catch (error) {
      this.editProblems.showError(error, context, 'input');
    } finally {
      this.busy = false;
      this.editSubmit.removeAttribute('aria-disabled');
    }
  }

  /** After a change: the list again, the message shown and announced. */
  private async done(message: string): Promise<void> {
    const context = this.ctx!;
    this.users = await fetchUsers();
    this.renderList(context);
    this.showStatus(message);
  }

  private showStatus(message: string): void {
    this.status.textContent = message;
  }

  destroy(): void {
    this.element.remove();
  }
}
