import { OptimizerError } from '../../optimizer-error';

export interface LogisticFit {
  readonly intercept: number;
  /** One weight per feature column, in column order. */
  readonly weights: readonly number[];
  /** Newton steps taken. */
  readonly iterations: number;
  readonly converged: boolean;
}

/** The logistic function, 1 / (1 + e^−z), computed without overflow at either end. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Weighted logistic regression with an L2 (ridge) penalty on the feature weights, fitted by Newton's
 * method (iteratively reweighted least squares): minimises
 * −Σ wᵢ [yᵢ log pᵢ + (1 − yᵢ) log(1 − pᵢ)] + ridge/2 · Σ βⱼ², with pᵢ = σ(β₀ + xᵢ·β). The intercept
 * gets a penalty of 1e-6 × ridge only, which keeps it finite when every label is the same. Deterministic:
 * no random start, so the same data give the same weights.
 *
 * Reference: Hastie, Tibshirani & Friedman, The Elements of Statistical Learning, §4.4.1 (IRLS);
 * R `glmnet(x, y, family = "binomial", alpha = 0, lambda = ridge / sum(w), weights = w,
 * standardize = FALSE)` minimises the same objective up to that scaling.
 *
 * @param rows - one feature vector per example, all the same length.
 * @param labels - 0 or 1 per example.
 * @param weights - a non-negative weight per example.
 * @throws {OptimizerError} when there are no rows, lengths differ, a value is not finite, or ridge < 0.
 * @example
 * // One binary feature: the intercept is the log-odds at 0 (1 of 2), the weight the log odds ratio (2 of 3 vs 1 of 2).
 * fitLogistic([[0], [0], [1], [1], [1]], [0, 1, 0, 1, 1], [1, 1, 1, 1, 1], 0); // => { intercept: 0, weights: [0.6931…], … }
 */
export function fitLogistic(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  weights: readonly number[],
  ridge: number,
  options: { readonly maxIterations?: number; readonly tolerance?: number } = {},
): LogisticFit {
  const width = rows[0]?.length;
  if (width === undefined) throw new OptimizerError('fitLogistic: no examples to fit');
  if (labels.length !== rows.length || weights.length !== rows.length) {
    throw new OptimizerError(
      `fitLogistic: ${rows.length} rows, ${labels.length} labels and ${weights.length} weights; give one of each per example`,
    );
  }
  if (!(ridge >= 0)) throw new OptimizerError(`fitLogistic: ridge must be ≥ 0, received ${ridge}`);
  for (const [i, row] of rows.entries()) {
    if (row.length !== width || !row.every(Number.isFinite)) {
      throw new OptimizerError(`fitLogistic: row ${i} must hold ${width} finite numbers`);
    }
    if ((labels[i] !== 0 && labels[i] !== 1) || !((weights[i] as number) >= 0)) {
      throw new OptimizerError(`fitLogistic: example ${i} needs a label of 0 or 1 and a weight ≥ 0`);
    }
  }
  const size = width + 1;
  const penalty = [ridge * 1e-6, ...Array.from({ length: width }, () => ridge)];
  let beta = new Array<number>(size).fill(0);
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const gradient = beta.map((b, j) => -(penalty[j] as number) * b);
    const hessian = Array.from({ length: size }, (_, j) =>
      Array.from({ length: size }, (_, l) => (j === l ? (penalty[j] as number) : 0)),
    );
    for (const [i, row] of rows.entries()) {
      const x = [1, ...row];
      const p = sigmoid(x.reduce((sum, value, j) => sum + value * (beta[j] as number), 0));
      const w = weights[i] as number;
      const curvature = w * p * (1 - p);
      for (let j = 0; j < size; j++) {
        gradient[j] = (gradient[j] as number) + w * ((labels[i] as number) - p) * (x[j] as number);
        const hRow = hessian[j] as number[];
        for (let l = 0; l < size; l++) hRow[l] = (hRow[l] as number) + curvature * (x[j] as number) * (x[l] as number);
      }
    }
    const step = solve(hessian, gradient);
    beta = beta.map((b, j) => b + (step[j] as number));
    if (Math.max(...step.map(Math.abs)) < tolerance) {
      return { intercept: beta[0] as number, weights: beta.slice(1), iterations: iteration, converged: true };
    }
  }
  return { intercept: beta[0] as number, weights: beta.slice(1), iterations: maxIterations, converged: false };
}

/** Solves A x = b by Gaussian elimination with partial pivoting; a singular column gets 0. */
function solve(matrix: readonly (readonly number[])[], vector: readonly number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) {
      if (Math.abs((a[row] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number)) pivot = row;
    }
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const top = a[col] as number[];
    const lead = top[col] as number;
    if (Math.abs(lead) < 1e-300) continue;
    for (let row = col + 1; row < n; row++) {
      const current = a[row] as number[];
      const factor = (current[col] as number) / lead;
      for (let c = col; c <= n; c++) current[c] = (current[c] as number) - factor * (top[c] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) {
    const current = a[row] as number[];
    const lead = current[row] as number;
    if (Math.abs(lead) < 1e-300) continue;
    let sum = current[n] as number;
    for (let c = row + 1; c < n; c++) sum -= (current[c] as number) * (x[c] as number);
    x[row] = sum / lead;
  }
  return x;
}
