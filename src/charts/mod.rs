//! Pure layouts of the charts: where things go on the priority matrix and on the
//! roadmap, computed from the model without touching the browser, so the screen, the
//! exports and the native tests share one answer.

pub mod matrix;
pub mod roadmap;
