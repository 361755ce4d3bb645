//! The summary above the spend list: what IT costs per year, from spend items and from
//! initiatives, against the yearly IT budget.

use leptos::prelude::*;

use crate::i18n::{intl, Language, Text};
use crate::model::formulas::cost::{yearly_cost_of_initiative, yearly_cost_of_spend_item};
use crate::model::Model;
use crate::state::AppState;
use crate::ui::dom::{self, Dom};

pub fn budget_summary() -> Dom {
    let state = expect_context::<AppState>();
    let summary = Dom::with_class("div", "budget-summary");
    let root = summary.element();
    dom::effect(move || {
        let language = state.language.get();
        let content = state
            .model
            .with(|model| build_budget_summary(model, language));
        dom::replace_children(&root, vec![content]);
    });
    summary
}

fn figure(label: Text, value: &str, test_id: &str, language: Language) -> Dom {
    Dom::with_class("div", "cost-figure")
        .child(Dom::new("dt").text(label.in_language(language)))
        .child(Dom::new("dd").attr("data-testid", test_id).text(value))
}

fn build_budget_summary(model: &Model, language: Language) -> Dom {
    let from_spend: i64 = model
        .spend_items
        .iter()
        .map(|spend_item| yearly_cost_of_spend_item(model, spend_item))
        .fold(0, i64::saturating_add);
    let from_initiatives: i64 = model
        .initiatives
        .iter()
        .map(|initiative| yearly_cost_of_initiative(model, initiative))
        .fold(0, i64::saturating_add);
    let total = from_spend.saturating_add(from_initiatives);
    let money = |cents| intl::format_money(cents, &model.currency, language);
    let figures = Dom::with_class("dl", "cost-figures")
        .attr("data-testid", "budget-summary")
        .child(
            figure(
                Text::TotalYearlyCost,
                &money(total),
                "budget-total",
                language,
            )
            .attr("class", "cost-figure total"),
        )
        .child(figure(
            Text::FromSpendItems,
            &money(from_spend),
            "budget-from-spend",
            language,
        ))
        .child(figure(
            Text::FromInitiatives,
            &money(from_initiatives),
            "budget-from-initiatives",
            language,
        ));
    if let Some(budget) = model.settings.it_budget_cents_per_year {
        let gap = budget.saturating_sub(total);
        figures.push(figure(
            Text::FieldItBudget,
            &money(budget),
            "budget-yearly",
            language,
        ));
        figures.push(
            figure(Text::BudgetGap, &money(gap), "budget-gap", language).attr_if(
                gap < 0,
                "class",
                "cost-figure over-budget",
            ),
        );
    }
    figures
}
