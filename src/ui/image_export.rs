//! Saving a chart as an SVG or PNG file (for slides) and printing it.
//!
//! The serialization and the canvas drawing live in `js/image-export.js`: they are a
//! few lines of glue around browser objects that would otherwise need many web-sys
//! bindings. Texts in the SVG are text nodes, so the serializer escapes them.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/image-export.js")]
extern "C" {
    #[wasm_bindgen(js_name = serializeSvgDocument)]
    fn serialize_svg_document(svg_element: &web_sys::Element, style_text: &str) -> String;

    #[wasm_bindgen(js_name = savePng)]
    fn save_png(svg_text: &str, width: u32, height: u32, file_name: &str) -> js_sys::Promise;
}

/// The look of the charts outside the app: the rules of `style/main.css` that an
/// exported SVG needs, with the app's colour variables written out. Keep in step with
/// the matrix section of the stylesheet.
const EXPORT_STYLE: &str = "\
svg{font-family:Segoe UI,Helvetica,Arial,sans-serif;background:#fff}\
.quadrant{stroke:#c9ced6;stroke-width:1}\
.quadrant-quick-win{fill:#e6f4ea}.quadrant-platform-topic{fill:#e8f0f8}\
.quadrant-fill-in{fill:#f7f7f2}.quadrant-time-sink{fill:#fbecec}\
.quadrant-label{font-size:15px;font-weight:700;fill:#3b4350}\
.axis-tick{font-size:12px;fill:#5b6270}.axis-title{font-size:14px;font-weight:600;fill:#3b4350}\
.bubble circle{fill-opacity:.8;stroke:#fff;stroke-width:1.5}\
.bubble.status-idea circle{stroke:#7a828f;stroke-dasharray:3 2}\
.bubble.status-active circle{stroke:#1e7b34;stroke-width:3}\
.bubble.status-done circle{fill-opacity:.35}\
.bubble.status-stopped circle{fill-opacity:.2;stroke:#b3261e}\
.bubble .derived-mark{fill:none;stroke:#fff;stroke-width:1;stroke-dasharray:2 2}\
.bubble .flag{font-size:13px;font-weight:700;fill:#b3261e}.bubble .stack-count{font-size:12px;font-weight:700;fill:#fff}\
.bubble.dimmed{opacity:.25}.bubble.search-match circle{stroke:#111;stroke-width:3}\
.bubble-label{font-size:13px;fill:#1f2328}.leader{stroke:#8a919c;stroke-width:1}\
.dependency-arrow{stroke:#5b6270;stroke-width:1.5;fill:none}\
.dependency-arrow.inverted{stroke:#b3261e;stroke-dasharray:5 3}\
.arrow-head{fill:#5b6270}";

/// The SVG element as a standalone SVG document.
pub fn svg_document_text(svg_element: &web_sys::Element) -> String {
    serialize_svg_document(svg_element, EXPORT_STYLE)
}

/// Offers the SVG element as an `.svg` download; false when the browser refused.
pub fn save_svg(svg_element: &web_sys::Element, file_name: &str) -> bool {
    crate::browser::download_text_file(file_name, &svg_document_text(svg_element), "image/svg+xml")
}

/// Offers the SVG element drawn at `width` x `height` pixels as a `.png` download;
/// resolves to false when the browser could not draw or save it.
pub async fn save_svg_as_png(
    svg_element: &web_sys::Element,
    width: u32,
    height: u32,
    file_name: &str,
) -> bool {
    let promise = save_png(&svg_document_text(svg_element), width, height, file_name);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|offered| offered.as_bool())
        .unwrap_or(false)
}
