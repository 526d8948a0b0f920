import { InvalidInputError } from './invalid-input-error';

/** A betting e-process over paired pass/fail outcomes, fed one pair at a time in the pre-committed order. */
export interface DiscordantPairEProcess {
  /**
   * Feeds one pair: its difference candidate − incumbent (1 a win, −1 a loss, 0 a concordant pair, which
   * bets nothing). Returns the e-value after it.
   */
  observe(difference: number): number;
  /** The wealth so far, starting at 1: the e-value against "the candidate wins at most half the discordant pairs". */
  readonly eValue: number;
  /** Its natural logarithm (the e-value itself overflows past about 1e308). */
  readonly logEValue: number;
  /** The bet the next discordant pair will get, λ ∈ [0, ½], from the past only. */
  readonly nextBet: number;
  readonly wins: number;
  readonly losses: number;
}

/** The largest share of wealth ever bet: caps the loss of one discordant pair at half the wealth. */
const maxBet = 0.5;

/**
 * A betting e-process for paired pass/fail outcomes on the discordant pairs. Each discordant pair is a
 * fair coin under the null, H₀: P(win | discordant) ≤ ½ (the candidate's lift is at most 0), with wins
 * where the candidate passes and the incumbent fails. Before pair i the bettor stakes the share
 * λᵢ = clip(2θ̂ᵢ₋₁ − 1, 0, ½) of its wealth on a win, where θ̂ᵢ₋₁ = (wins + 1)/(discordant + 2) is the
 * running win share shrunk toward ½ (Laplace's rule: it starts at ½, so the first bet is 0); the wealth
 * is Kₙ = ∏ (1 + λᵢ(2Xᵢ − 1)) over the discordant pairs. Since λᵢ ≥ 0 uses only the past and
 * E[2Xᵢ − 1 | past] ≤ 0 under H₀, Kₙ is a non-negative supermartingale, even when the discordance rate
 * and the win share drift from pair to pair, so by Ville's inequality P(sup Kₙ ≥ 1/α) ≤ α: the gate may
 * look after every pair and promote the first time Kₙ reaches 1/α.
 *
 * References: J. Ville (1939), Étude critique de la notion de collectif; I. Waudby-Smith and A. Ramdas
 * (2024), "Estimating means of bounded random variables by betting", JRSS-B 86(1) (predictable bets);
 * G. Shafer and V. Vovk, Game-Theoretic Foundations for Probability and Finance (2019).
 *
 * @throws {InvalidInputError} from `observe` when a difference is not −1, 0 or 1.
 * @example
 * const e = discordantPairEProcess();
 * for (const d of [1, 1, 0, 1]) e.observe(d);
 * e.eValue; // => 2: bets 0, 1/3 and ½ on the three wins, (1 + 0)(1 + 1/3)(1 + ½); the tie bets nothing
 */
export function discordantPairEProcess(): DiscordantPairEProcess {
  let wins = 0;
  let losses = 0;
  let logWealth = 0;
  const bet = () => Math.min(maxBet, Math.max(0, (2 * (wins + 1)) / (wins + losses + 2) - 1));
  return {
    observe(difference: number): number {
      if (difference !== 0 && difference !== 1 && difference !== -1) {
        throw new InvalidInputError({
          functionName: 'discordantPairEProcess.observe',
          parameter: 'difference',
          problem: `must be −1, 0 or 1 (candidate − incumbent of pass/fail outcomes), received ${difference}`,
        });
      }
      if (difference !== 0) {
        logWealth += Math.log1p(bet() * difference);
        if (difference === 1) wins++;
        else losses++;
      }
      return Math.exp(logWealth);
    },
    get eValue() {
      return Math.exp(logWealth);
    },
    get logEValue() {
      return logWealth;
    },
    get nextBet() {
      return bet();
    },
    get wins() {
      return wins;
    },
    get losses() {
      return losses;
    },
  };
}
