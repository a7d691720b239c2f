/** The links the Share dialog offers: the page as it is, and an embed snippet for one panel. */
import { encodeUrlState } from './url-codec';
import type { PanelId, UrlState } from './url-schema';

/** The page's address without query or hash (also right inside an opaque-origin iframe). */
export function pageBase(href: string): string {
  return href.split(/[?#]/)[0];
}

/** A link that opens the full page in this view; the backend choice is the visitor's own. */
export function shareLink(state: UrlState, base: string): string {
  return `${base}${encodeUrlState({ ...state, embed: false, backend: 'auto' })}`;
}

/** The address of one panel in embed mode. */
export function embedLink(state: UrlState, base: string, panel: PanelId): string {
  return `${base}${encodeUrlState({ ...state, embed: true, panel, backend: 'auto' })}`;
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A ready `<iframe>` element; sandboxed (scripts only): the lab needs no storage or popups. */
export function embedSnippet(src: string, title: string, width = 480, height = 360): string {
  return (
    `<iframe src="${escapeAttribute(src)}" width="${width}" height="${height}" ` +
    `title="${escapeAttribute(title)}" sandbox="allow-scripts" loading="lazy" ` +
    `style="border: 1px solid #d9dee6; border-radius: 6px"></iframe>`
  );
}
