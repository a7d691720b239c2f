/**
 * Copies text to the clipboard: navigator.clipboard where the page may use it, else a
 * selected textarea and execCommand('copy'). Returns how it went, for a status line.
 */
export async function copyText(text: string, doc: Document = document): Promise<'clipboard' | 'selection' | 'failed'> {
  try {
    if (doc.defaultView?.navigator.clipboard && doc.defaultView.isSecureContext) {
      await doc.defaultView.navigator.clipboard.writeText(text);
      return 'clipboard';
    }
  } catch {
    // Denied (e.g. in an iframe without clipboard-write): fall back to a selection.
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  area.select();
  let copied: boolean;
  try {
    copied = doc.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied ? 'selection' : 'failed';
}
