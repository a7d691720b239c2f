import katex from 'katex';
import 'katex/dist/katex.min.css';
import { useMemo } from 'react';

interface TexProps {
  tex: string;
  display?: boolean;
  className?: string;
}

/** A KaTeX formula (HTML for the eye, MathML for screen readers; the TeX stays in its annotation). */
export function Tex({ tex, display = false, className }: TexProps) {
  const html = useMemo(
    () =>
      katex.renderToString(tex, {
        throwOnError: false,
        displayMode: display,
        output: 'htmlAndMathml',
      }),
    [tex, display],
  );
  return (
    <span
      className={className ? `tex ${className}` : 'tex'}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
