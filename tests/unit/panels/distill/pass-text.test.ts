import { describe, expect, it } from 'vitest';
import { samplingPassSentence, stepPassSentence } from '../../../../src/panels/distill/pass-text';

describe('pass sentences from the real layer counts', () => {
  it('5-layer teacher, 8-layer student, D = 2: 10 against 8, not “twice the passes”', () => {
    const s = samplingPassSentence(2, 5, 8);
    expect(s).toContain('D × 5 = 10 network passes');
    expect(s).toContain('8, one per layer');
    expect(s).toContain('1.25 times as many');
    expect(s).toContain('120,000 passes against 8');
    expect(s).not.toMatch(/twice/);
  });

  it('says “fewer” when the teacher is the cheaper sampler (a deep student, small D)', () => {
    expect(samplingPassSentence(2, 2, 8)).toContain('2.00 times fewer');
  });

  it('KL(s‖t) step: L_s + L_t passes and no teacher sample; KL(t‖s): both grow with D', () => {
    expect(stepPassSentence('student-teacher', 2, 5, 8)).toContain('13 passes, no teacher sample');
    const warm = stepPassSentence('teacher-student', 2, 5, 8);
    expect(warm).toContain('D × 5 = 10');
    expect(warm).toContain('D × 8 = 16');
    expect(warm).toContain('26 passes');
  });
});
