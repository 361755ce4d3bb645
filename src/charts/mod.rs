//! Pure layouts of the charts: where things go on the priority matrix (and later the
//! roadmap), computed from the model without touching the browser, so the screen, the
//! exports and the native tests share one answer.

pub mod matrix;
