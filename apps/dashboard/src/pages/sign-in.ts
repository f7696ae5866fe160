import { ROLE_LABELS } from '@ogp/common';
import { GraphqlError, type FieldProblem } from '../api/client';
import { landingPath, login, safeNextPath, signInWait } from '../api/coordinator/sign-in';
import { fallbackString } from '../components/fallback-text';
import type { PageContext, PageView, RenderResult } from '../app/page';
import { h } from '../dom';
import { ErrorSummary, type SummaryItem } from '../forms/error-summary';
import { textField } from '../forms/field';
import { Busy, onSubmit } from '../forms/form';
import { countedHeading } from '../forms/form-problems';
import type { MessageKey } from '../i18n';
import { describeError, errorText } from '../i18n/error-text';
import '../styles/forms.css';
import '../styles/coordinator.css';

type Failure =
  | { kind: 'fields'; email: boolean; password: boolean }
  | { kind: 'wrong' }
  | { kind: 'locked'; wait: { seconds: number } | { minutes: number } }
  | { kind: 'refused'; field: 'email' | 'password'; problem: FieldProblem }
  | { kind: 'other'; error: unknown };

/** Signing in with email and password; the API sets an HttpOnly session cookie. */
export class SignInPage implements PageView {
  readonly element = h('div', { class: 'sign-in' });
  private readonly heading = h('h1');
  private readonly intro = h('p');
  private readonly summary = new ErrorSummary('sign-in-errors');
  private readonly email = textField('email', {
    type: 'email',
    autocomplete: 'username',
    spellcheck: 'false',
    required: true,
  });
  private readonly password = textField('password', {
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  private readonly submit = h('button', { type: 'submit' });
  private readonly form = h(
    'form',
    { class: 'form', novalidate: true, method: 'post' },
    this.email.element,
    this.password.element,
    h('div', { class: 'form-actions' }, this.submit),
  );
  private readonly signedIn = h('div', { class: 'signed-in' });
  private context: PageContext | null = null;
  private failure: Failure | null = null;
  private readonly busy = new Busy();

  constructor() {
    this.element.append(this.heading, this.summary.element, this.intro, this.form, this.signedIn);
    onSubmit(this.form, () => this.signIn());
  }

  render(context: PageContext): Promise<RenderResult> {
    this.context = context;
    const { t, user } = context;
    if (user && !this.busy.active) {
      // Already signed in: say who, and where their work is.
      this.heading.textContent = t('signInSignedInHeading');
      this.form.hidden = true;
      this.intro.hidden = true;
      this.summary.hide();
      const roles = user.roles.map((role) => ROLE_LABELS[role][context.locale]).join(', ');
      const agencies = user.agencies.map((agency) =>
        fallbackString(agency.name, context.locale, context.t),
      );
      const landing = landingPath(user.roles);
      this.signedIn.hidden = false;
      this.signedIn.replaceChildren(
        h(
          'p',
          { id: 'signed-in-as' },
          t('signInSignedInAs', { name: user.displayName, email: user.email }),
        ),
        h(
          'dl',
          { class: 'facts' },
          h('dt', {}, t('signInRoles')),
          h('dd', {}, roles),
          ...(agencies.length
            ? [h('dt', {}, t('signInAgencies')), h('dd', {}, agencies.join(', '))]
            : []),
        ),
        h(
          'p',
          {},
          h('a', { href: context.href(landing) }, t(LANDING_LINKS[landing] ?? 'signInGoPlans')),
        ),
      );
      return Promise.resolve({ title: t('signInSignedInHeading') });
    }
    this.heading.textContent = t('signInHeading');
    this.intro.hidden = false;
    this.intro.textContent = t('signInIntro');
    this.form.hidden = false;
    this.signedIn.hidden = true;
    this.email.setLabel(t('signInEmail'));
    this.password.setLabel(t('signInPassword'));
    this.submit.textContent = t('signInSubmit');
    this.showFailure(false);
    return Promise.resolve({ title: t('signInHeading') });
  }

  destroy(): void {
    this.element.remove();
  }

  private async signIn(): Promise<void> {
    const context = this.context;
    if (!context) return;
    await this.busy.run(this.submit, async () => {
      const email = this.email.control.value.trim();
      const password = this.password.control.value;
      if (!email || !password) {
        this.failure = { kind: 'fields', email: !email, password: !password };
        this.showFailure(true);
        return;
      }
      context.announce(context.t('signInSigningIn'));
      try {
        const user = await login(email, password);
        this.failure = null;
        this.password.control.value = '';
        await context.refreshSession();
        const next = safeNextPath(context.query.get('next'));
        context.navigate(next ?? landingPath(user.roles), {}, { replace: true });
      } catch (error) {
        this.failure = failureOf(error);
        this.password.control.value = '';
        context.announce('');
        this.showFailure(true);
      }
    });
  }

  /** Shows the last failure in the page's language (again after a language change); `focus` after a submit. */
  private showFailure(focus: boolean): void {
    const context = this.context;
    if (!context) return;
    const { t } = context;
    const failure = this.failure;
    this.email.setError(null);
    this.password.setError(null);
    if (!failure) {
      this.summary.hide();
      return;
    }
    const items: SummaryItem[] = [];
    if (failure.kind === 'fields') {
      if (failure.email) {
        this.email.setError(t('signInEmailMissing'));
        items.push({ text: t('signInEmailMissing'), targetId: this.email.id });
      }
      if (failure.password) {
        this.password.setError(t('signInPasswordMissing'));
        items.push({ text: t('signInPasswordMissing'), targetId: this.password.id });
      }
    } else if (failure.kind === 'refused') {
      const field = failure.field === 'email' ? this.email : this.password;
      const text = errorText(failure.problem, context.locale);
      field.setError(text);
      items.push({ label: field.label.textContent ?? '', text, targetId: field.id });
    } else {
      const text =
        failure.kind === 'wrong'
          ? t('signInWrong')
          : failure.kind === 'locked'
            ? 'seconds' in failure.wait
              ? t('signInLockedSeconds', { seconds: failure.wait.seconds })
              : t('signInLocked', { minutes: failure.wait.minutes })
            : t('signInFailed', { message: describeError(failure.error, context.locale) });
      // The API does not say which was wrong; the password is asked for again, so the message goes there.
      this.password.setError(text);
      items.push({ text, targetId: this.password.id });
    }
    this.summary.show(countedHeading(t, items.length), items);
    if (focus) this.summary.focus();
  }
}

const LANDING_LINKS: Record<string, MessageKey> = {
  '/my-milestones': 'signInGoMilestones',
  '/review': 'signInGoReview',
  '/plans': 'signInGoPlans',
};

function failureOf(error: unknown): Failure {
  if (error instanceof GraphqlError && error.code === 'UNAUTHENTICATED') {
    const wait = signInWait(error);
    return wait === null ? { kind: 'wrong' } : { kind: 'locked', wait };
  }
  // A refused address or password (too long, not an address): said on its field.
  const problem = error instanceof GraphqlError ? error.problems[0] : undefined;
  if (problem?.field === 'email' || problem?.field === 'password') {
    return { kind: 'refused', field: problem.field, problem };
  }
  return { kind: 'other', error };
}
