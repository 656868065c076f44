import { saveBlob } from '../browser/save-file.js';

/** Saves factor-array figures from the page: the SVG as drawn, and a PNG rendered from it on a canvas. */

export function svgText(svg: SVGSVGElement): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
	clone.removeAttribute('class');
	return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

export function downloadSvg(svg: SVGSVGElement, fileName: string): void {
	saveBlob(new Blob([svgText(svg)], { type: 'image/svg+xml' }), fileName);
}

/** Renders the SVG at twice its size onto a canvas (CSP allows blob: images) and saves a PNG. */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
	const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
	const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height;
	const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml' }));
	try {
		const image = new Image();
		await new Promise<void>((resolve, reject) => {
			image.onload = () => resolve();
			image.onerror = () => reject(new Error('the figure could not be drawn'));
			image.src = url;
		});
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(width * scale);
		canvas.height = Math.round(height * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('no canvas');
		context.fillStyle = '#ffffff';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

export async function downloadPng(svg: SVGSVGElement, fileName: string): Promise<void> {
	saveBlob(await svgToPng(svg), fileName);
}
