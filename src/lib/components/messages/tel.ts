/** A phone number as a `tel:` link (without its spaces). */
export const tel = (n: string) => `tel:${n.replace(/\s/g, '')}`;
