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
import { Confirmation } from '../forms/confirmation';
import { ErrorSummary } from '../forms/error-summary';
import { FieldGroup, textField } from '../forms/field';
import { Busy } from '../forms/form';
import { fieldTarget, FormProblems, groupTarget, type ProblemTarget } from '../forms/form-problems';
import { FormSection } from '../forms/form-section';
import type { Translate } from '../i18n';
import '../styles/forms.css';
import '../styles/review-admin.css';
import { srOnly, titleIn } from './review';

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
    return {
      roles: groupTarget(this.roles, () => `${this.prefix}-role-${ROLES[0]}`),
      agencies: groupTarget(
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
  private readonly createSection = new FormSection(
    {
      section: 'user-new',
      heading: 'user-create-heading',
      summary: 'user-create-errors',
      form: 'user-create',
    },
    () => this.create(),
  );
  private readonly displayName = textField('user-name', { autocomplete: 'off' });
  private readonly email = textField('user-email', { type: 'email', autocomplete: 'off' });
  private readonly password = textField('user-password', {
    type: 'password',
    autocomplete: 'new-password',
  });
  private readonly createRoles = new RolesPicker('user-create');
  private readonly createProblems: FormProblems;
  // Changing roles of the user named by ?edit=.
  private readonly editSection = new FormSection(
    {
      section: 'user-edit',
      heading: 'user-edit-heading',
      summary: 'user-edit-errors',
      form: 'user-edit-form',
    },
    () => this.saveRoles(),
    { focusableHeading: true, hidden: true },
  );
  private readonly editRoles = new RolesPicker('user-edit');
  private readonly editCancel = h('a');
  private readonly editProblems: FormProblems;
  private editing: string | null = null;
  // Deactivation, after a confirmation step.
  private readonly confirm = new Confirmation('user-confirm');
  private readonly listSection = h('section', {
    id: 'users',
    'aria-labelledby': 'users-heading',
  });
  private readonly listSummary = new ErrorSummary('users-errors');
  private readonly listProblems = new FormProblems(this.listSummary, {});
  private users: UserRow[] = [];
  private ctx: PageContext | null = null;
  private readonly busy = new Busy();

  constructor() {
    const create = this.createRoles.targets();
    this.createProblems = new FormProblems(this.createSection.summary, {
      displayName: fieldTarget(this.displayName),
      email: fieldTarget(this.email),
      password: fieldTarget(this.password),
      roles: create.roles,
      agencySlugs: create.agencies,
    });
    const edit = this.editRoles.targets();
    this.editProblems = new FormProblems(this.editSection.summary, {
      roles: edit.roles,
      agencySlugs: edit.agencies,
    });
    this.createSection.fill([
      h('div', { class: 'ra-pair' }, this.displayName.element, this.email.element),
      this.password.element,
      this.createRoles.roles.element,
      this.createRoles.agencies.element,
    ]);
    this.editSection.fill(
      [this.editRoles.roles.element, this.editRoles.agencies.element],
      this.editCancel,
    );
    this.element = h(
      'div',
      { class: 'admin-users' },
      this.heading,
      this.status,
      this.listSummary.element,
      this.confirm.element,
      this.editSection.element,
      this.listSection,
      this.createSection.element,
    );
  }

  async render(context: PageContext): Promise<RenderResult> {
    this.ctx = context;
    const { t, locale, signal } = context;
    const [users, agencies] = await Promise.all([fetchUsers(signal), fetchAllAgencies(signal)]);
    if (signal.aborted) return { title: '' };
    this.users = users;
    this.heading.textContent = t('admUsersTitle');
    this.createSection.heading.textContent = t('admNewUser');
    this.displayName.setLabel(t('admDisplayName')).setHint(t('admDisplayNameHint'));
    this.email.setLabel(t('admEmail'));
    this.password.setLabel(t('admPassword')).setHint(t('admPasswordHint'));
    this.createRoles.render(agencies, t, locale);
    this.createSection.submit.textContent = t('admCreateUser');
    this.editRoles.render(agencies, t, locale);
    this.renderEdit(context);
    this.renderList(context);
    return { title: t('admUsersTitle') };
  }

  private renderEdit(context: PageContext): void {
    const { t } = context;
    const id = context.query.get('edit');
    const user = this.users.find((u) => u.id === id) ?? null;
    this.editSection.element.hidden = !user;
    if (!user) {
      this.editing = null;
      return;
    }
    this.editSection.heading.textContent = t('admEditRolesOf', { name: user.displayName });
    this.editSection.submit.textContent = t('admSaveRoles');
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
      if (!context.live) setTimeout(() => this.editSection.heading.focus(), 0);
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
    this.confirm.ask(
      {
        question: t('admDeactivateQuestion', { name: user.displayName, email: user.email }),
        yes: t('admConfirmDeactivate'),
        no: t('admCancel'),
      },
      opener,
      () => void this.deactivate(user),
    );
  }

  private deactivate(user: UserRow): Promise<void> {
    const context = this.ctx!;
    return this.busy.run(null, async () => {
      this.listProblems.clear();
      try {
        await deactivateUser(user.id);
        this.confirm.close();
        await this.done(context.t('admDeactivated', { name: user.displayName }));
        this.status.focus();
      } catch (error) {
        this.confirm.close();
        this.listProblems.showError(error, context, 'userId');
      }
    });
  }

  /** The roles ticked in `picker`, or none after saying that one is needed. */
  private chosenRoles(picker: RolesPicker, problems: FormProblems, t: Translate): Role[] | null {
    const roles = picker.roleValues;
    if (roles.length) return roles;
    problems.show(t('rvErrorSummary'), [{ key: 'roles', text: t('admChooseRole') }]);
    return null;
  }

  private async create(): Promise<void> {
    const context = this.ctx;
    if (!context) return;
    const { t } = context;
    await this.busy.run(this.createSection.submit, async () => {
      this.createProblems.clear();
      this.status.textContent = '';
      const roles = this.chosenRoles(this.createRoles, this.createProblems, t);
      if (!roles) return;
      try {
        const user = await createUser({
          displayName: this.displayName.control.value,
          email: this.email.control.value,
          password: this.password.control.value,
          roles,
          agencySlugs: this.createRoles.agencySlugs,
        });
        this.createSection.form.reset();
        await this.done(t('admUserCreated', { name: user.displayName, email: user.email }));
      } catch (error) {
        this.createProblems.showError(error, context);
      }
    });
  }

  private async saveRoles(): Promise<void> {
    const context = this.ctx;
    const user = this.users.find((u) => u.id === this.editing);
    if (!context || !user) return;
    const { t } = context;
    await this.busy.run(this.editSection.submit, async () => {
      this.editProblems.clear();
      const roles = this.chosenRoles(this.editRoles, this.editProblems, t);
      if (!roles) return;
      try {
        const saved = await setUserRoles(user.id, roles, this.editRoles.agencySlugs);
        this.editing = null;
        this.showStatus(t('admRolesSaved', { name: saved.displayName }));
        // Back to the list: the change shows in the user's row.
        context.navigate('/admin/users', { edit: null });
      } catch (error) {
        this.editProblems.showError(error, context, 'input');
      }
    });
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
