// Image export of the matrix views, called from src/ui/image_export.rs.
//
// Written in JavaScript because it is glue around browser objects (XMLSerializer,
// Image, canvas) that would need many web-sys bindings in Rust for the same few lines;
// wasm-bindgen ships this file as a module beside the app, so the CSP's 'self' covers it.

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

// The SVG element as a standalone document: its own namespace declaration and the
// style rules it needs, so it looks the same outside the app (slides, image viewers).
export function serializeSvgDocument(svgElement, styleText) {
  const copy = svgElement.cloneNode(true);
  copy.setAttribute('xmlns', SVG_NAMESPACE);
  const style = document.createElementNS(SVG_NAMESPACE, 'style');
  style.textContent = styleText;
  copy.insertBefore(style, copy.firstChild);
  // XMLSerializer escapes markup but keeps characters XML forbids (control characters
  // a pasted title may hold); one of them would make the whole file unreadable.
  const text = new XMLSerializer().serializeToString(copy)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + text;
}

// Draws the SVG document text on a white canvas of the given pixel size and offers it
// as a PNG download. The image is loaded from a data URL, so nothing in the SVG runs
// and the canvas stays exportable. Resolves to whether the download was offered.
export function savePng(svgText, width, height, fileName) {
  return new Promise((resolve) => {
    const image = new Image();
    image.onerror = () => resolve(false);
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      context.drawImage(image, 0, 0, width, height);
      canvas.toBlob((blob) => {
        if (!blob) {
          resolve(false);
          return;
        }
        const objectUrl = URL.createObjectURL(blob);
        const anchor = document.createElement('a');
        anchor.href = objectUrl;
        anchor.download = fileName;
        anchor.rel = 'noopener';
        anchor.click();
        // The URL must outlive the start of the download; one second is ample.
        setTimeout(() => URL.revokeObjectURL(objectUrl), 1000);
        resolve(true);
      }, 'image/png');
    };
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svgText);
  });
}
