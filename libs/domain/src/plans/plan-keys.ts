/** Plan slugs: lower-case letters and digits in parts joined by single hyphens. */
export const PLAN_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const PLAN_SLUG_SHAPE =
  'lower-case letters and digits in parts joined by single hyphens, e.g. "dk-2017-2019"';
export const COUNTRY_CODE = /^[A-Z]{2}$/;
export const COUNTRY_CODE_SHAPE = 'an upper-case ISO 3166-1 alpha-2 code, e.g. "DK"';
