import { errorMessage } from '@ogp/common';
/** Plan slugs: lower-case letters and digits in parts joined by single hyphens. */
export const PLAN_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PLAN_SLUG_SHAPE = errorMessage('plan.slugShape');
export const COUNTRY_CODE = /^[A-Z]{2}$/;
export const COUNTRY_CODE_SHAPE = errorMessage('plan.countryCodeShape');
