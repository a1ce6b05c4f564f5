/** Text limits shared by forms (client) and validation (server); counting is in validation/text.ts. */
export const POST_MAX = 280;
export const ABOUT_ME_MAX = 140;
export const MESSAGE_MAX = 280;
