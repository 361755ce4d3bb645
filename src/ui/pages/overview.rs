//! The overview: what the open model holds, what it costs per year, and how much of
//! that cost traces to a business process and a measurable goal (the alignment
//! coverage), with every uncovered item linked to the form that fixes it.

use leptos::prelude::*;

use crate::forms;
use crate::i18n::{intl, messages, Language, Text};
use crate::model::formulas::cost::{yearly_cost_split, CostItemKind};
use crate::model::formulas::coverage::alignment_coverage;
use crate::model::{EntityKind, Model};
use crate::route::ScreenName;
use crate::state::AppState;
use crate::ui::dom::{self, Dom};

/// The screen that edits each kind, for links from the overview.
pub fn screen_of_kind(kind: EntityKind) -> ScreenName {
    match kind {
        EntityKind::Person => ScreenName::People,
        EntityKind::Goal | EntityKind::Kpi => ScreenName::Goals,
        EntityKind::BusinessProcess | EntityKind::Capability | EntityKind::DataObject => {
            ScreenName::Capabilities
        }
        EntityKind::Initiative => ScreenName::Initiatives,
        EntityKind::SpendItem => ScreenName::Budget,
        EntityKind::Review => ScreenName::Reviews,
        EntityKind::WorkshopSession => ScreenName::Workshop,
    }
}

/// The overview, rebuilt whenever the model or the language changes (it is small).
pub fn overview_page() -> Dom {
    let state = expect_context::<AppState>();
    let page = Dom::with_class("section", "page").attr("data-testid", "page-overview");
    let root = page.element();
    dom::effect(move || {
        let language = state.language.get();
        let content = state.model.with(|model| build_overview(model, language));
        dom::replace_children(&root, content);
    });
    page
}

fn link(href: &str, text: &str) -> Dom {
    Dom::new("a").attr("href", href).text(text)
}

fn cost_figure(label: Text, value: String, test_id: &str, language: Language) -> Dom {
    Dom::with_class("div", "cost-figure")
        .child(Dom::new("dt").text(label.in_language(language)))
        .child(Dom::new("dd").attr("data-testid", test_id).text(&value))
}

fn build_overview(model: &Model, language: Language) -> Vec<Dom> {
    let mut content = vec![
        Dom::new("h1")
            .attr("data-testid", "overview-title")
            .text(&model.title),
        Dom::with_class("p", "organization").text(&model.organization),
    ];
    let is_empty = EntityKind::ALL
        .iter()
        .all(|kind| model.entity_count(*kind) == 0);
    if is_empty {
        content.push(
            Dom::with_class("p", "empty-state")
                .attr("data-testid", "empty-model-hint")
                .text(Text::EmptyModelHint.in_language(language))
                .child(Dom::new("span").text(" "))
                .child(link(
                    &ScreenName::Goals.href(),
                    Text::NavGoals.in_language(language),
                )),
        );
    }

    let money = |cents| intl::format_money(cents, &model.currency, language);
    let split = yearly_cost_split(model);
    let total = split.one_time_cents.saturating_add(split.running_cents);
    let cost_section = Dom::new("section")
        .attr("aria-labelledby", "cost-heading")
        .child(
            Dom::new("h2")
                .attr("id", "cost-heading")
                .text(Text::TotalYearlyCost.in_language(language)),
        )
        .child(
            Dom::with_class("dl", "cost-figures")
                .attr("data-testid", "cost-figures")
                .child(
                    cost_figure(
                        Text::TotalYearlyCost,
                        money(total),
                        "total-yearly-cost",
                        language,
                    )
                    .attr("class", "cost-figure total"),
                )
                .child(cost_figure(
                    Text::RunningCost,
                    money(split.running_cents),
                    "running-cost",
                    language,
                ))
                .child(cost_figure(
                    Text::OneTimeCost,
                    money(split.one_time_cents),
                    "one-time-cost",
                    language,
                )),
        );

    let coverage = alignment_coverage(model);
    let percent_text = coverage.percent.map_or_else(
        || Text::CoverageNotYet.in_language(language).to_string(),
        |percent| format!("{} %", intl::format_decimal(percent, 0, language)),
    );
    let percent_value = coverage.percent.unwrap_or(0.0).clamp(0.0, 100.0);
    let coverage_section = Dom::new("section")
        .attr("aria-labelledby", "coverage-heading")
        .attr("data-testid", "coverage")
        .child(
            Dom::new("h2")
                .attr("id", "coverage-heading")
                .text(Text::AlignmentCoverageHeading.in_language(language)),
        )
        .child(
            Dom::with_class("p", "coverage-figure")
                .child(
                    Dom::with_class("span", "coverage-percent")
                        .attr("data-testid", "coverage-percent")
                        .text(&percent_text),
                )
                .child(
                    Dom::with_class("span", "coverage-bar")
                        .attr("aria-hidden", "true")
                        .child(Dom::with_class("span", "coverage-bar-fill").attr(
                            "style",
                            &format!("width: {}%", percent_value.round() as u32),
                        )),
                ),
        )
        .child(
            Dom::with_class("p", "hint")
                .text(Text::AlignmentCoverageExplained.in_language(language)),
        )
        .child(Dom::new("h3").text(Text::UncoveredHeading.in_language(language)));
    if coverage.uncovered.is_empty() {
        coverage_section
            .push(Dom::with_class("p", "hint").text(Text::UncoveredNone.in_language(language)));
    } else {
        let list = Dom::with_class("ul", "uncovered-list").attr("data-testid", "uncovered-list");
        for item in &coverage.uncovered {
            let kind = match item.kind {
                CostItemKind::Initiative => EntityKind::Initiative,
                CostItemKind::SpendItem => EntityKind::SpendItem,
            };
            let name = forms::entity_display_name(model, kind, &item.id).unwrap_or_default();
            let mut missing = Vec::new();
            if item.missing_process {
                missing.push(Text::MissingProcess.in_language(language));
            }
            if item.missing_measurable_goal {
                missing.push(Text::MissingMeasurableGoal.in_language(language));
            }
            list.push(
                Dom::new("li")
                    .attr("data-testid", "uncovered-item")
                    .child(link(&screen_of_kind(kind).entity_href(&item.id), &name))
                    .child(
                        Dom::with_class("span", "uncovered-kind")
                            .text(&messages::entity_kind_singular_capitalized(kind, language)),
                    )
                    .child(
                        Dom::with_class("span", "uncovered-cost")
                            .text(&money(item.yearly_cost_cents)),
                    )
                    .child(Dom::with_class("span", "uncovered-missing").text(&missing.join(", "))),
            );
        }
        coverage_section.push(list);
    }
    content.push(
        Dom::with_class("div", "overview-grid")
            .child(cost_section)
            .child(coverage_section),
    );

    content.push(Dom::new("h2").text(Text::KeyFigures.in_language(language)));
    let figures = Dom::with_class("ul", "key-figures").attr("data-testid", "key-figures");
    for kind in EntityKind::ALL {
        figures.push(
            Dom::with_class("li", "key-figure").child(
                Dom::new("a")
                    .attr("href", &screen_of_kind(kind).href())
                    .child(
                        Dom::with_class("span", "key-figure-value")
                            .text(&model.entity_count(kind).to_string()),
                    )
                    .child(
                        Dom::with_class("span", "key-figure-label")
                            .text(messages::entity_kind_plural(kind, language)),
                    ),
            ),
        );
    }
    content.push(figures);
    content
}
