import { describe, expect, it } from 'vitest';
import { decodeUrlState } from '../../../src/state/url-codec';
import { defaultUrlState } from '../../../src/state/url-schema';
import { embedLink, embedSnippet, pageBase, shareLink } from '../../../src/state/share';

describe('share links', () => {
  const state = {
    ...defaultUrlState(),
    flow: 'iaf' as const,
    seed: 7,
    backend: 'cpu' as const,
    embed: true,
  };

  it('strip query and hash from the page address', () => {
    expect(pageBase('https://x.org/lab/?a=1#b')).toBe('https://x.org/lab/');
    expect(pageBase('https://x.org/lab/#b?c')).toBe('https://x.org/lab/');
  });

  it("reproduce the view, without embed mode or the sharer's backend", () => {
    const link = shareLink(state, 'https://x.org/lab/');
    expect(link).toBe('https://x.org/lab/?flow=iaf&seed=7');
    const decoded = decodeUrlState(new URL(link).search).state;
    expect(decoded).toEqual({ ...state, embed: false, backend: 'auto' });
  });

  it('embed one panel and escape the snippet attributes', () => {
    const src = embedLink(state, 'https://x.org/lab/', 'density');
    expect(decodeUrlState(new URL(src).search).state).toMatchObject({
      embed: true,
      panel: 'density',
      flow: 'iaf',
    });
    const snippet = embedSnippet(src, 'Flow Lab: "density" <demo>');
    expect(snippet).toContain('sandbox="allow-scripts"');
    expect(snippet).toContain('src="https://x.org/lab/?embed=1&amp;flow=iaf&amp;seed=7"');
    expect(snippet).toContain('title="Flow Lab: &quot;density&quot; &lt;demo&gt;"');
  });
});
