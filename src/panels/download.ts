/** Saves a blob or text as a file through an object URL and a temporary `<a download>`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference once started; keep the URL a little for slow starts.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** Most bytes a file the user loads may have (a model or point CSV is far smaller). */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The text of a file the user picked, or a message naming why it cannot be read. */
export async function readUserFile(file: File): Promise<{ text: string } | { error: string }> {
  if (file.size > MAX_UPLOAD_BYTES) {
    return { error: `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; files up to 20 MB are accepted` };
  }
  try {
    return { text: await file.text() };
  } catch {
    return { error: `${file.name} could not be read` };
  }
}
