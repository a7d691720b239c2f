/** What the panel shows, in words: why the plain NLL has no floor, the bound, the language-model contrast. */
export function DiscreteText() {
  return (
    <div className="discrete-text">
      <p>
        <strong>Integer data, continuous density.</strong> Both models are the same MAF with the
        same initial weights, fitted by maximum likelihood. The plain one sees the lattice points
        themselves: a density can pile its mass onto them, p(x) at a point has no upper limit, so
        −log p(x) has none below. Its NLL crosses H(P), the least any probability mass function can
        reach, and keeps falling: the number is a density, not a probability, and says nothing about
        P(x).
      </p>
      <p>
        <strong>Dequantization.</strong> The other model sees x + u, u ~ U[0, 1)². Integrated over
        each unit cell its density is a pmf, P̂(x) = ∫ p(x + u) du (Σ P̂ ≤ 1), and by Jensen’s
        inequality E<sub>u</sub>[−log p(x + u)] ≥ −log P̂(x). So its NLL is an upper bound on its
        discrete NLL −Σ P log P̂, which is itself ≥ H(P): bounded below, and an honest bound on the
        discrete model’s −log P.
      </p>
      <p>
        <strong>Can a language model be distilled like Parallel WaveNet?</strong> No. A language
        model is autoregressive too, but its conditionals are categorical (a pmf over tokens), not
        Gaussian: there is no invertible, differentiable map from a continuous z to its samples, no
        change of variables for a probability mass function, so it is not a flow and the student
        cannot be trained through reparameterised samples scored by the teacher’s density. Flows are
        for continuous variables.
      </p>
    </div>
  );
}
