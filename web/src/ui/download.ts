import { api } from '../api.js';

/**
 * Downloads a file the API serves (a .docx, a CSV, an XLSX) through the typed client — so an
 * expired sign-in is renewed like any call and a refusal is the client's error — and hands it to
 * the browser under the name the server gives (`content-disposition`), else `fallbackName`.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const res = await api.file(path);
  const disposition = res.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
  const ascii = /filename="([^"]+)"/.exec(disposition)?.[1];
  const name = utf8 ? decodeURIComponent(utf8) : (ascii ?? fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
