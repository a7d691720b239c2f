/**
 * The panel tabs of the full app, the density lab first (the tour, not the tabs, follows the
 * lecture's order). Each tab is a link to the same page with `?panel=` set, so a middle-click
 * opens the panel in a new tab; a plain click switches in place through the store (the URL
 * follows by url-sync). Keys 1–9 jump to a tab.
 */
import { useEffect, useRef, type MouseEvent } from 'react';
import { labStore, useLabStore } from '../state/lab-store';
import type { PanelId } from '../state/url-schema';
import { PANEL_TITLES } from './panel-registry';
import { keyBelongsToTarget } from './shortcuts';

function hrefFor(panel: PanelId): string {
  const url = new URL(window.location.href);
  if (panel === 'density') url.searchParams.delete('panel');
  else url.searchParams.set('panel', panel);
  return url.pathname + url.search;
}

export function PanelNav() {
  const current = useLabStore((s) => s.params.panel);
  const panels = Object.keys(PANEL_TITLES) as PanelId[];
  const list = useRef<HTMLOListElement>(null);

  // On a phone the tabs are a sideways-scrolling strip: keep the current tab in it (without
  // scrolling the page).
  useEffect(() => {
    const strip = list.current;
    const tab = strip?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!strip || !tab || strip.scrollWidth <= strip.clientWidth) return;
    const left = tab.offsetLeft - strip.offsetLeft;
    if (left < strip.scrollLeft || left + tab.offsetWidth > strip.scrollLeft + strip.clientWidth) {
      strip.scrollLeft = Math.max(0, left - 8);
    }
  }, [current]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || keyBelongsToTarget(event.target as HTMLInputElement | null, event.key)) return;
      const index = Number(event.key) - 1;
      if (Number.isInteger(index) && index >= 0 && index < panels.length) {
        labStore.getState().setParam('panel', panels[index]!);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [panels]);

  const select = (panel: PanelId) => (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    labStore.getState().setParam('panel', panel);
  };

  return (
    <nav className="panel-nav" aria-label="Lecture panels">
      <ol ref={list}>
        {panels.map((panel, i) => (
          <li key={panel}>
            <a
              href={hrefFor(panel)}
              aria-current={panel === current ? 'page' : undefined}
              onClick={select(panel)}
              title={`${PANEL_TITLES[panel]} (key ${i + 1})`}
            >
              <span className="panel-nav-key" aria-hidden="true">
                {i + 1}
              </span>
              {PANEL_TITLES[panel]}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
