import { errorMessage } from '@ogp/common';
export const OGP_ID = /^[A-Z]{2}[0-9]{4}$/;
export const OGP_ID_SHAPE = errorMessage('commitment.ogpIdShape');
