import { useId, type ReactNode } from 'react';
import './panels.css';

interface PanelFrameProps {
  title: string;
  className?: string;
  /** Buttons at the right of the title bar (e.g. Share). */
  actions?: ReactNode;
  children: ReactNode;
}

/** Shared panel chrome: a titled region with an optional action area. */
export function PanelFrame({ title, className, actions, children }: PanelFrameProps) {
  const id = useId();
  return (
    <section className={className ? `panel ${className}` : 'panel'} aria-labelledby={id}>
      <header className="panel-header">
        <h2 id={id}>{title}</h2>
        {actions && <div className="panel-actions">{actions}</div>}
      </header>
      {children}
    </section>
  );
}
