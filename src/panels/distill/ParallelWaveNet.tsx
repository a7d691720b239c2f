/** Where Parallel WaveNet lives: one sourced paragraph. */
export function ParallelWaveNet() {
  return (
    <section className="distill-wavenet" aria-label="Parallel WaveNet">
      <h3>Where this is used: Parallel WaveNet</h3>
      <p>
        Speech audio has 24,000 samples a second, so one second is a data point with D = 24,000. WaveNet, the teacher,
        is autoregressive like a MAF: it scores audio in one parallel pass but generates it one sample per pass,
        24,000 passes for that second. Parallel WaveNet distils it into an IAF student by minimising
        KL(student ‖ teacher), as here (plus auxiliary losses for audio quality): the student generates all samples in parallel, and the teacher is
        dropped after training. The student generates 24 kHz speech more than 20 times faster than real time. Source:
        A. van den Oord et al., “Parallel WaveNet: Fast High-Fidelity Speech Synthesis”, 2017 (arXiv:1711.10433).
      </p>
    </section>
  );
}
