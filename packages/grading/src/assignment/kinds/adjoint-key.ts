/** The answer key of a variable's adjoint: `y'` → `y'_bar`. */
export const adjointKey = (variable: string): string => `${variable}_bar`;
