/**
 * Bounds on a network an assignment file defines, checked before anything is drawn or traced:
 * assignment files may come from anywhere, and every student's file is graded on the network.
 */
export const NETWORK_LIMITS = {
  /** Characters of the equations text. */
  maxTextLength: 50_000,
  /** Forward equations. */
  maxEquations: 100,
  /** Parameters plus inputs. */
  maxVariables: 100,
  /** Largest size (`K: 4`). */
  maxSize: 1_000,
  /** Entries of any one value, a parameter's or an intermediate one's. */
  maxEntries: 100_000,
  /** Multiplications of one forward pass, counted from the shapes (matrix products dominate). */
  maxWork: 10_000_000,
  /** Random instances a backprop question checks each equation on. */
  maxInstances: 20,
} as const;
