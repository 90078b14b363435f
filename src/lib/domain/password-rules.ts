/** Length is the only rule: at least 8 characters, up to 256 (passphrases welcome). */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
