import { describe, expect, it } from 'vitest';
import { articleFor, samplingPassSentence, stepPassSentence } from '../../../../src/panels/distill/pass-text';

describe('pass sentences from the real layer counts', () => {
  it('5-layer teacher, 8-layer student, D = 2: 10 against 8, not “twice the passes”', () => {
    const s = samplingPassSentence(2, 5, 8);
    expect(s).toContain('D × 5 = 10 network passes');
    expect(s).toContain('8, one per layer');
    expect(s).toContain('1.25 times as many');
    expect(s).toContain('120,000 passes against 8');
    expect(s).not.toMatch(/twice/);
  });

  it('names the stacks with the right article: a 12-layer MAF, an 8-layer IAF', () => {
    const s = samplingPassSentence(2, 12, 12);
    expect(s).toContain('the teacher (a 12-layer MAF) needs D × 12 = 24 network passes');
    expect(s).toContain('the student (a 12-layer IAF) 12, one per layer');
    expect(samplingPassSentence(2, 8, 11)).toContain('(an 8-layer MAF)');
    expect(samplingPassSentence(2, 8, 11)).toContain('(an 11-layer IAF)');
    expect([1, 2, 5, 8, 11, 12, 16, 18, 80, 100].map(articleFor)).toEqual(['a', 'a', 'a', 'an', 'an', 'a', 'a', 'an', 'an', 'a']);
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
