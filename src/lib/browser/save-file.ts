/**
 * Offers a file to the user under `fileName`: a temporary object URL on a clicked, detached-after
 * link. The URL is revoked later, not at once, because some browsers start reading it only after
 * the click handler returns.
 */
export function saveBlob(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
