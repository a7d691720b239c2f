import { useId, useRef, type ReactNode } from 'react';
import { useLabStore } from '../state/lab-store';
import { ExportPngButton } from './ExportPngButton';
import './panels.css';

interface PanelFrameProps {
  title: string;
  className?: string;
  /** Buttons at the right of the title bar (e.g. Share). */
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * Shared panel chrome: a titled region with an action area and "Save PNG" (not in embed mode:
 * a sandboxed frame may not download, and an embedded figure has its host's own chrome).
 */
export function PanelFrame({ title, className, actions, children }: PanelFrameProps) {
  const id = useId();
  const section = useRef<HTMLElement>(null);
  const embed = useLabStore((s) => s.params.embed);
  return (
    <section
      ref={section}
      className={className ? `panel ${className}` : 'panel'}
      aria-labelledby={id}
    >
      <header className="panel-header">
        <h2 id={id}>{title}</h2>
        <div className="panel-actions">
          {actions}
          {!embed && <ExportPngButton target={section} title={title} />}
        </div>
      </header>
      {children}
    </section>
  );
}
