/**
 * The predictable plug-in bets λ̇ₜ of Waudby-Smith & Ramdas (2024), eq. (26) and §5 ("hedged capital"):
 *   λ̇ₜ = √(2 log(2/α) / (σ̂²ₜ₋₁ · t · log(1 + t))),
 *   μ̂ₜ = (½ + Σᵢ≤ₜ xᵢ)/(t + 1),  σ̂²ₜ = (¼ + Σᵢ≤ₜ (xᵢ − μ̂ᵢ)²)/(t + 1),
 * for observations in [0, 1]. Each bet uses only the observations before it, which is what keeps the
 * wealth built from it a supermartingale; the bets do not depend on the mean being tested, so one
 * stream serves every candidate mean. α is the two-sided level 1 − confidence.
 */
export interface PlugInBets {
  /** The bet for the next observation (before it is seen). */
  next(): number;
  /** Records an observation in [0, 1] (the caller validates it). */
  observe(x: number): void;
  /** Observations seen. */
  readonly count: number;
}

export function plugInBets(confidence: number): PlugInBets {
  const logTerm = 2 * Math.log(2 / (1 - confidence));
  let t = 0;
  let sum = 0;
  let squares = 0.25;
  return {
    next() {
      const index = t + 1;
      const variance = squares / (t + 1);
      return Math.sqrt(logTerm / (variance * index * Math.log1p(index)));
    },
    observe(x: number) {
      t++;
      sum += x;
      const mean = (0.5 + sum) / (t + 1);
      squares += (x - mean) ** 2;
    },
    get count() {
      return t;
    },
  };
}

/** The truncation c of the hedged-capital bets (the paper suggests ½ or ¾): at most c/m (or c/(1 − m)) is staked. */
export const betTruncation = 0.5;
