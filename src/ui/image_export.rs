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
/// the matrix and roadmap sections of the stylesheet.
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
.arrow-head{fill:#5b6270}\
.quarter-column{fill:#fff;stroke:#e3e6ea}.quarter-column.odd{fill:#f7f8fa}\
.quarter-label{font-size:15px;font-weight:600;fill:#1f2328}\
.lane-band{fill:none;stroke:#d5d9df}.lane-band.odd{fill:rgba(45,106,159,.04)}\
.lane-name{font-size:14px;font-weight:600;fill:#1f2328}\
.roadmap-bar .bar-body{fill:#cfe0f1;stroke:#2d6a9f;stroke-width:1.5}\
.quadrant-quick-win .bar-body{fill:#cdebd6;stroke:#1e7b34}.quadrant-fill-in .bar-body{fill:#ecece3;stroke:#7a7a62}\
.quadrant-time-sink .bar-body{fill:#f6d9d7;stroke:#a8443c}.quadrant-unscored .bar-body{fill:#eeeff1;stroke:#7a828f}\
.roadmap-bar.status-idea .bar-body{stroke-dasharray:4 3}.roadmap-bar.status-active .bar-body{stroke-width:3}\
.roadmap-bar.status-done{opacity:.55}.roadmap-bar.status-stopped{opacity:.35}\
.roadmap-bar.flagged .bar-body{stroke:#a4161a;stroke-width:3}.bar-hit,.bar-resize,.drop-column{fill:none}\
.bar-title{font-size:14px;font-weight:600;fill:#1f2328}.bar-meta{font-size:12px;fill:#3b4350}\
.bar-flag{font-size:14px;font-weight:800;fill:#a4161a}.bar-continues{font-size:14px;font-weight:700}\
.roadmap-arrow{stroke:#4a5260;stroke-width:1.5;fill:none}.roadmap-arrow.violated{stroke:#a4161a;stroke-dasharray:5 3;stroke-width:2}\
.today-line{stroke:#c2410c;stroke-width:2;stroke-dasharray:6 3}.today-label{font-size:12px;font-weight:700;fill:#c2410c}\
.load-label{font-size:13px;font-weight:600}.load-background{fill:#f3f5f7;stroke:#d5d9df}.load-fill{fill:#7aa7d1}\
.load-text{font-size:13px}.load-cell.over .load-background{fill:#fbe3e1;stroke:#a4161a;stroke-width:2}\
.load-cell.over .load-fill{fill:#a4161a}.load-cell.over .load-text{font-weight:700;fill:#8c1d18}";

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
