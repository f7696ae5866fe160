import { ROLE_LABELS, type Role } from '@ogp/common';
import {
  createUser,
  deactivateUser,
  fetchAllAgencies,
  fetchCountries,
  fetchUsers,
  setUserRoles,
  type UserRow,
} from '../../api/admin';
import type { PageContext, PageView, RenderResult } from '../../app/page';
import { dataTable, h } from '../../dom';
import { textField } from '../../forms/field';
import { Busy } from '../../forms/form';
import { fieldTarget, FormProblems } from '../../forms/form-problems';
import { FormSection } from '../../forms/form-section';
import { ListChanges, RowEditor } from '../../forms/list-changes';
import type { Translate } from '../../i18n';
import '../../styles/forms.css';
import '../../styles/review-admin.css';
import { srOnly, titleIn } from '../../components/review-ui';
import { chosenCountry, CountryChoice, countryName } from '../../components/country-choice';
import { RolesPicker } from './roles-picker';

/** Administrators' list of users: create, change roles and agencies, deactivate. */
export class AdminUsersPage implements PageView {
  readonly element: HTMLElement;
  private readonly heading = h('h1');
  private readonly busy = new Busy();
  // The status line, the list's summary and the question before deactivating.
  private readonly changes = new ListChanges(
    { status: 'users-success', confirm: 'user-confirm', summary: 'users-errors' },
    this.busy,
  );
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
  // Coordinators report for agencies of one country at a time: the forms offer the chosen country's.
  private readonly countryChoice = new CountryChoice('users', (country) =>
    this.ctx?.navigate('/admin/users', { country, edit: null }),
  );
  private readonly createProblems: FormProblems;
  // Changing roles of the user named by ?edit=.
  private readonly editor = new RowEditor<UserRow>(
    new FormSection(
      {
        section: 'user-edit',
        heading: 'user-edit-heading',
        summary: 'user-edit-errors',
        form: 'user-edit-form',
      },
      () => this.saveRoles(),
      { focusableHeading: true, hidden: true },
    ),
    (user) => user.id,
    '/admin/users',
  );
  private readonly editRoles = new RolesPicker('user-edit');
  private readonly editProblems: FormProblems;
  private readonly listSection = h('section', {
    id: 'users',
    'aria-labelledby': 'users-heading',
  });
  private users: UserRow[] = [];
  private ctx: PageContext | null = null;

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
    this.editProblems = new FormProblems(this.editor.section.summary, {
      roles: edit.roles,
      agencySlugs: edit.agencies,
    });
    this.createSection.fill([
      h('div', { class: 'ra-pair' }, this.displayName.element, this.email.element),
      this.password.element,
      this.createRoles.roles.element,
      this.createRoles.agencies.element,
    ]);
    this.editor.section.fill(
      [this.editRoles.roles.element, this.editRoles.agencies.element],
      this.editor.cancel,
    );
    this.element = h(
      'div',
      { class: 'admin-users' },
      this.heading,
      this.countryChoice.element,
      ...this.changes.elements(),
      this.editor.section.element,
      this.listSection,
      this.createSection.element,
    );
  }

  async render(context: PageContext): Promise<RenderResult> {
    this.ctx = context;
    const { t, locale, signal } = context;
    const [users, all] = await Promise.all([fetchUsers(signal), fetchAllAgencies(signal)]);
    const countries = await fetchCountries(all, signal);
    if (signal.aborted) return { title: '' };
    const country = chosenCountry(context.query, countries);
    const agencies = country ? all.filter((agency) => agency.countryCode === country) : all;
    const shownCountry = country ? countryName(country, locale) : null;
    this.countryChoice.render(countries, country, t, locale);
    this.users = users;
    this.heading.textContent = t('admUsersTitle');
    this.createSection.heading.textContent = t('admNewUser');
    this.displayName.setLabel(t('admDisplayName')).setHint(t('admDisplayNameHint'));
    this.email.setLabel(t('admEmail'));
    this.password.setLabel(t('admPassword')).setHint(t('admPasswordHint'));
    this.createRoles.render(agencies, shownCountry, t, locale);
    this.createSection.submit.textContent = t('admCreateUser');
    this.editRoles.render(agencies, shownCountry, t, locale);
    this.editor.show(this.users, context, {
      render: (user) => {
        this.editor.section.heading.textContent = t('admEditRolesOf', { name: user.displayName });
        this.editor.section.submit.textContent = t('admSaveRoles');
      },
      fill: (user) => {
        this.editProblems.clear();
        this.editRoles.set(
          user.roles,
          user.agencies.map((a) => a.slug),
        );
      },
    });
    this.renderList(context);
    return { title: t('admUsersTitle') };
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
                    ? user.agencies.map((a) => titleIn(a.name, locale, t)).join(', ')
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
    this.changes.ask(
      {
        question: t('admDeactivateQuestion', { name: user.displayName, email: user.email }),
        yes: t('admConfirmDeactivate'),
        no: t('admCancel'),
      },
      opener,
      {
        context: () => this.ctx!,
        make: () => deactivateUser(user.id),
        done: () => this.done(this.ctx!.t('admDeactivated', { name: user.displayName })),
        argument: 'userId',
      },
    );
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
      this.changes.status.textContent = '';
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
    const user = this.editor.current;
    if (!context || !user) return;
    const { t } = context;
    await this.busy.run(this.editor.section.submit, async () => {
      this.editProblems.clear();
      const roles = this.chosenRoles(this.editRoles, this.editProblems, t);
      if (!roles) return;
      try {
        const saved = await setUserRoles(user.id, roles, this.editRoles.agencySlugs);
        this.editor.close();
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
    this.changes.status.textContent = message;
  }

  destroy(): void {
    this.element.remove();
  }
}
