/**
 * Hands a file the app made (a CSV export, a prescription PDF) to the browser's download, as a
 * link click: the same path in Electron and in Chromium over the bridge. The object URL is
 * released a little later, once the download has surely started reading it.
 */
export function saveFile(fileName: string, contents: Blob): void {
  const url = URL.createObjectURL(contents);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveCsv(fileName: string, text: string): void {
  saveFile(fileName, new Blob([text], { type: 'text/csv;charset=utf-8' }));
}
