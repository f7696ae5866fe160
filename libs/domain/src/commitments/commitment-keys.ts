export const OGP_ID = /^[A-Z]{2}[0-9]{4}$/;
export const OGP_ID_SHAPE = 'two upper-case letters and four digits, e.g. "DK0052"';
