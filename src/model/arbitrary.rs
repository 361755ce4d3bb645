//! proptest generators of valid models, for property tests anywhere in the crate.
//!
//! [`arbitrary_valid_model`] builds models that hold every entity kind (at least one
//! of each) and, across a run, every kind of link: owners, KPI to goal, goal
//! contributions with strengths, capabilities to goals, processes and data objects,
//! initiatives to capabilities, processes and other initiatives (a DAG: an initiative
//! only depends on earlier ones), spend items to processes, goals and an initiative,
//! reviews with KPI actuals, health and confirmed links, workshop votes, dot votes and
//! accepted estimates, weighted criteria with criterion scores, tombstones, merged
//! export ids and a per-quarter budget. Every value stays in the range
//! [`crate::model::validation`] allows, so a generated model validates clean.
//!
//! Generation happens in two steps, because links must point at entities that exist:
//! first every entity is drawn without ids and links, together with [`LinkPicks`]
//! (proptest `Index` values that choose among whatever entities there turn out to be);
//! then [`build_model`] hands out unique ids and resolves the picks. This needs no
//! `prop_flat_map`, so shrinking stays effective.
//!
//! Texts mix plain words with the things that break naive code: umlauts and other
//! scripts, emoji, quotes and backslashes, `<script>`, JSON-looking text, and (in
//! free texts only) newlines, tabs and arbitrary characters.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{Days, NaiveDate};
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{select, subsequence, Index};
use proptest::test_runner::Config as ProptestConfig;

use super::types::*;

/// A proptest configuration with `default_cases` cases, or as many as the
/// `PROPTEST_CASES` environment variable asks for (to run a longer search locally or in
/// a nightly job). Failures are not persisted to files, so test runs never write into
/// the source tree; proptest prints the failing case and its seed instead.
pub fn proptest_config_with_default_cases(default_cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(default_cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------

/// Fragments that need care when written to JSON, HTML or CSV. None has surrounding
/// whitespace or a line break, so joining them with spaces gives a valid title.
const TRICKY_FRAGMENTS: &[&str] = &[
    "Kunde",
    "Größe",
    "Ärger über Öl",
    "naïve café",
    "Šťastná",
    "日本語",
    "🚀 Start",
    "\"zitiert\"",
    "it's",
    "back\\slash",
    "<script>alert('x')</script>",
    "a & b < c > d",
    "{\"json\": [1, {}]}",
    "Ω≈ç√∫",
    "١٢٣",
    "—",
    "ß",
    "=SUM(A1)",
];

/// Pieces of free text: everything above plus line breaks and tabs.
const FREE_TEXT_PIECES: &[&str] = &["\n", "\r\n", "\t", "  ", "\n\n", " "];

/// A strategy for strings matching `regex`, compiled once. A plain `&str` works as a
/// strategy too, but proptest then compiles the regex again for every value drawn,
/// which for Unicode classes made model generation several times slower.
fn compiled_regex(regex: &str) -> BoxedStrategy<String> {
    proptest::string::string_regex(regex)
        .expect("the generators' regexes are valid")
        .boxed()
}

/// A short string of any characters at all, control characters and NUL included.
/// (`any::<String>()` would compile a regex for every value; see [`compiled_regex`].)
pub fn arbitrary_characters() -> impl Strategy<Value = String> {
    vec(any::<char>(), 0..12).prop_map(String::from_iter)
}

/// A text that a required title, name or label accepts: single line, not blank,
/// shorter than 100 characters.
pub fn arbitrary_title() -> impl Strategy<Value = String> {
    prop_oneof![
        select(TRICKY_FRAGMENTS).prop_map(str::to_owned),
        compiled_regex("[\\p{L}\\p{N}]{1,12}"),
        vec(select(TRICKY_FRAGMENTS), 1..4).prop_map(|fragments| fragments.join(" ")),
    ]
}

/// A free text (description, note): may be empty, may span lines, may hold any
/// character including control characters.
pub fn arbitrary_free_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        select(TRICKY_FRAGMENTS).prop_map(str::to_owned),
        select(FREE_TEXT_PIECES).prop_map(str::to_owned),
        compiled_regex("\\PC{0,12}"),
        arbitrary_characters(),
    ];
    prop_oneof![
        1 => Just(String::new()),
        4 => vec(piece, 0..6).prop_map(|pieces| pieces.concat()),
    ]
}

/// A finite number: whole, fractional, negative, tiny or huge.
pub fn arbitrary_finite_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-1_000_000i64..=1_000_000).prop_map(|whole| whole as f64),
        (-1_000_000i64..=1_000_000, 1u32..=1_000)
            .prop_map(|(numerator, denominator)| { numerator as f64 / f64::from(denominator) }),
        Just(0.0),
        Just(-0.0),
        proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL,
    ]
}

/// The first millisecond of 2000 and the last of 2100, in milliseconds since 1970.
const EARLIEST_TIMESTAMP_MILLISECONDS: i64 = 946_684_800_000;
const LATEST_TIMESTAMP_MILLISECONDS: i64 = 4_133_980_799_999;

/// A UTC time in whole milliseconds between 2000 and 2100, as the edge makes them.
pub fn arbitrary_timestamp() -> impl Strategy<Value = Timestamp> {
    (EARLIEST_TIMESTAMP_MILLISECONDS..=LATEST_TIMESTAMP_MILLISECONDS).prop_map(|milliseconds| {
        chrono::DateTime::from_timestamp_millis(milliseconds)
            .expect("milliseconds between 2000 and 2100 are a valid time")
    })
}

/// Days from 2000-01-01 to 2100-12-31.
const DAYS_FROM_2000_TO_END_OF_2100: u64 = 36_889;

fn first_day_of_2000() -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).expect("2000-01-01 is a date")
}

/// A valid calendar date between 2000 and 2100.
pub fn arbitrary_date() -> impl Strategy<Value = CalendarDate> {
    (0..=DAYS_FROM_2000_TO_END_OF_2100).prop_map(|days| {
        first_day_of_2000()
            .checked_add_days(Days::new(days))
            .expect("a date between 2000 and 2100")
    })
}

/// A quarter between 2000-Q1 and 2100-Q4.
pub fn arbitrary_quarter() -> impl Strategy<Value = Quarter> {
    (2000i32..=2100, 1u8..=4).prop_map(|(year, quarter_of_year)| {
        Quarter::new(year, quarter_of_year).expect("a quarter between 2000 and 2100")
    })
}

/// A date inside `quarter`, as a review held in that quarter has.
fn date_in_quarter(quarter: Quarter, day_of_quarter: u64) -> CalendarDate {
    let first_month = u32::from(quarter.quarter_of_year() - 1) * 3 + 1;
    let first_day = NaiveDate::from_ymd_opt(quarter.year(), first_month, 1)
        .expect("the first day of a quarter is a date");
    // Every quarter has at least 90 days.
    first_day
        .checked_add_days(Days::new(day_of_quarter % 90))
        .unwrap_or(first_day)
}

/// A money amount in cents: zero, small, or up to ten billion units.
pub fn arbitrary_money() -> impl Strategy<Value = MoneyCents> {
    prop_oneof![Just(0), 1i64..=100_000, 0i64..=1_000_000_000_000]
}

fn arbitrary_revision() -> impl Strategy<Value = u64> {
    prop_oneof![Just(0u64), 0u64..=1_000_000]
}

fn arbitrary_external_id() -> BoxedStrategy<Option<String>> {
    option::of(prop_oneof![
        compiled_regex("id-[a-z0-9]{1,12}"),
        arbitrary_title(),
    ])
    .boxed()
}

fn arbitrary_tags() -> impl Strategy<Value = Vec<String>> {
    vec(arbitrary_title(), 0..4)
}

fn arbitrary_text_list() -> impl Strategy<Value = Vec<String>> {
    vec(arbitrary_free_text(), 0..3)
}

fn arbitrary_email() -> impl Strategy<Value = String> {
    (
        compiled_regex("[a-z][a-z0-9.+_-]{0,10}"),
        compiled_regex("[a-z0-9-]{1,10}\\.(org|de|com|example)"),
    )
        .prop_map(|(local, domain)| format!("{local}@{domain}"))
}

fn arbitrary_rating() -> impl Strategy<Value = Option<u8>> {
    option::of(1u8..=5)
}

fn arbitrary_score() -> impl Strategy<Value = Option<u8>> {
    option::of(1u8..=10)
}

// ---------------------------------------------------------------------------------
// Links, chosen before the entities they point at are known
// ---------------------------------------------------------------------------------

/// Which entities an entity links to, as proptest `Index`es into whatever entities of
/// each kind the model turns out to hold. Each builder uses the fields its kind has.
#[derive(Debug, Clone)]
pub struct LinkPicks {
    pub owner: Option<Index>,
    pub goals: Vec<Index>,
    pub processes: Vec<Index>,
    pub capabilities: Vec<Index>,
    pub data_objects: Vec<Index>,
    pub initiatives: Vec<Index>,
    pub kpis: Vec<Index>,
    pub spend_items: Vec<Index>,
    /// For links to exactly one entity: a KPI's goal, a spend item's initiative.
    pub single: Index,
    pub single_is_set: bool,
}

fn arbitrary_link_picks() -> impl Strategy<Value = LinkPicks> {
    let some_indexes = || vec(any::<Index>(), 0..4);
    (
        option::weighted(0.8, any::<Index>()),
        some_indexes(),
        some_indexes(),
        some_indexes(),
        some_indexes(),
        some_indexes(),
        some_indexes(),
        some_indexes(),
        any::<Index>(),
        proptest::bool::weighted(0.7),
    )
        .prop_map(
            |(
                owner,
                goals,
                processes,
                capabilities,
                data_objects,
                initiatives,
                kpis,
                spend_items,
                single,
                single_is_set,
            )| {
                LinkPicks {
                    owner,
                    goals,
                    processes,
                    capabilities,
                    data_objects,
                    initiatives,
                    kpis,
                    spend_items,
                    single,
                    single_is_set,
                }
            },
        )
}

/// The ids the picks choose among `candidates`, each at most once, in pick order.
fn pick_distinct(candidates: &[EntityId], picks: &[Index]) -> Vec<EntityId> {
    if candidates.is_empty() {
        return Vec::new();
    }
    let mut seen = HashSet::new();
    picks
        .iter()
        .map(|pick| pick.get(candidates))
        .filter(|id| seen.insert(*id))
        .cloned()
        .collect()
}

fn pick_one(candidates: &[EntityId], pick: &Index) -> Option<EntityId> {
    (!candidates.is_empty()).then(|| pick.get(candidates).clone())
}

fn pick_owner(people: &[EntityId], picks: &LinkPicks) -> Option<EntityId> {
    picks.owner.as_ref().and_then(|pick| pick_one(people, pick))
}

// ---------------------------------------------------------------------------------
// Entities without ids and links
// ---------------------------------------------------------------------------------

/// The fields every entity has: revision, modified time and external id.
#[derive(Debug, Clone)]
struct EntityHeader {
    revision: u64,
    modified: Timestamp,
    external_id: Option<String>,
}

fn arbitrary_entity_header() -> impl Strategy<Value = EntityHeader> {
    (
        arbitrary_revision(),
        arbitrary_timestamp(),
        arbitrary_external_id(),
    )
        .prop_map(|(revision, modified, external_id)| EntityHeader {
            revision,
            modified,
            external_id,
        })
}

const PERSON_ROLES: [PersonRole; 5] = [
    PersonRole::Management,
    PersonRole::ProductOwner,
    PersonRole::ProcessOwner,
    PersonRole::DataOwner,
    PersonRole::ItProvider,
];

prop_compose! {
    fn arbitrary_person_draft()(
        header in arbitrary_entity_header(),
        name in arbitrary_title(),
        roles in subsequence(PERSON_ROLES.to_vec(), 1..=PERSON_ROLES.len()),
        email in option::of(arbitrary_email()),
    ) -> Person {
        Person {
            id: String::new(),
            revision: header.revision,
            modified: header.modified,
            external_id: header.external_id,
            name,
            roles,
            email,
        }
    }
}

prop_compose! {
    fn arbitrary_goal_draft()(
        header in arbitrary_entity_header(),
        title in arbitrary_title(),
        statement in arbitrary_free_text(),
        weight in 1u8..=5,
        horizon in option::of(arbitrary_quarter()),
        cobit_goal in option::of(select(CobitEnterpriseGoal::ALL.to_vec())),
        tags in arbitrary_tags(),
        picks in arbitrary_link_picks(),
    ) -> (Goal, LinkPicks) {
        let goal = Goal {
            id: String::new(),
            revision: header.revision,
            modified: header.modified,
            external_id: header.external_id,
            title,
            statement,
            weight,
            horizon,
            owner_id: None,
            cobit_goal,
            tags,
        };
        (goal, picks)
    }
}

prop_compose! {
    fn arbitrary_kpi_draft()(
        header in arbitrary_entity_header(),
        name in arbitrary_title(),
        unit in prop_oneof![Just(String::new()), Just("%".to_string()), Just("€".to_string()), arbitrary_title()],
        direction in prop_oneof![Just(KpiDirection::Increase), Just(KpiDirection::Decrease)],
        baseline in option::of(arbitrary_finite_number()),
        target in option::of(arbitrary_finite_number()),
        dates in (option::of(arbitrary_date()), option::of(arbitrary_date())),
        measurements in btree_map(arbitrary_quarter(), (arbitrary_finite_number(), arbitrary_free_text()), 0..4),
        data_source in arbitrary_free_text(),
        picks in arbitrary_link_picks(),
    ) -> (Kpi, LinkPicks) {
        // Measurements are kept sorted by quarter with at most one per quarter, which a
        // BTreeMap keyed by quarter gives for free.
        let measurements = measurements
            .into_iter()
            .map(|(quarter, (value, note))| KpiMeasurement { quarter, value, note })
            .collect();
        let kpi = Kpi {
            id: String::new(),
            revision: header.revision,
            modified: header.modified,
            external_id: header.external_id,
            goal_id: String::new(),
            name,
            unit,
            direction,
            baseline,
            baseline_date: dates.0,
            target,
            target_date: dates.1,
            measurements,
            data_source,
            owner_id: None,
        };
        (kpi, picks)
    }
}

prop_compose! {
    fn arbitrary_process_draft()(
        header in arbitrary_entity_header(),
        name in arbitrary_title(),
        description in arbitrary_free_text(),
        picks in arbitrary_link_picks(),
    ) -> (BusinessProcess, LinkPicks) {
        let process = BusinessProcess {
            id: String::new(),
            revision: header.revision,
            modified: header.modified,
            external_id: header.external_id,
            name,
            description,
            owner_id: None,
        };
        (process, picks)
    }
}

const CAPABILITY_KINDS: [CapabilityKind; 4] = [
    CapabilityKind::System,
    CapabilityKind::Data,
    CapabilityKind::Interface,
    CapabilityKind::Infrastructure,
];

prop_compose! {
    fn arbitrary_capability_draft()(
        header in arbitrary_entity_header(),
        name in arbitrary_title(),
        description in arbitrary_free_text(),
        kind in select(CAPABILITY_KINDS.to_vec()),
        current_maturity in 1u8..=5,
        target_maturity in 1u8..=5,
        fits in (arbitrary_score(), arbitrary_score()),
        picks in arbitrary_link_picks(),
    ) -> (Capability, LinkPicks) {
        // The fits place systems on the TIME matrix; other kinds have none.
        let (business_fit, technical_fit) = if kind == CapabilityKind::System { fits } else { (None, None) };
        let capability = Capability {
            id: String::new(),
            revision: header.revision,
            modified: header.modified,
            external_id: header.external_id,
            name,
            description,
            kind,
            current_maturity,
            target_maturity,
            business_fit,
            technical_fit,
            owner_id: None,
            goal_ids: Vec::new(),
            process_ids: Vec::new(),
            data_object_ids: Vec::new(),
        };
        (capability, picks)
    }
}

prop_compose! {
    fn arbitrary_data_object_draft()(
        header in arbitrary_entity_header(),
        name in arbitrary_title(),
        description in arbitrary_free_text(),
        quality_rating in arbitrary_rating(),
        picks in arbitrary_link_picks(),
    ) -> (DataObject, LinkPicks) {
        let data_object = DataObject {
            id: String::new(),
            revision: header.revision,
            modified: header.modified,
            external_id: header.external_id,
            name,
            description,
            data_owner_id: None,
            quality_rating,
        };
        (data_object, picks)
    }
}

prop_compose! {
    fn arbitrary_cost_line_draft()(
        category in select(CostCategory::ALL.to_vec()),
        description in arbitrary_free_text(),
        one_time_cents in arbitrary_money(),
        running_cents_per_year in arbitrary_money(),
    ) -> CostLine {
        CostLine { id: String::new(), category, description, one_time_cents, running_cents_per_year }
    }
}

/// The scores of an initiative, and picks of weighted criteria with their scores.
#[derive(Debug, Clone)]
struct ScoresDraft {
    scores: InitiativeScores,
    criterion_scores: Vec<(Index, u8)>,
}

prop_compose! {
    fn arbitrary_scores_draft()(
        value_and_effort in (arbitrary_score(), arbitrary_score()),
        risk in option::of(1u8..=5),
        time_criticality in arbitrary_score(),
        risk_reduction in arbitrary_score(),
        rice_reach in option::of(prop_oneof![Just(0u32), 1u32..=1_000_000]),
        rice_impact in option::of(select(RICE_IMPACT_VALUES.to_vec())),
        rice_confidence_percent in option::of(0u8..=100),
        criterion_scores in vec((any::<Index>(), 1u8..=5), 0..4),
    ) -> ScoresDraft {
        ScoresDraft {
            scores: InitiativeScores {
                value: value_and_effort.0,
                effort: value_and_effort.1,
                risk,
                time_criticality,
                risk_reduction,
                rice_reach,
                rice_impact,
                rice_confidence_percent,
                criterion_scores: BTreeMap::new(),
            },
            criterion_scores,
        }
    }
}

#[derive(Debug, Clone)]
struct InitiativeDraft {
    initiative: Initiative,
    scores: ScoresDraft,
    contribution_strengths: Vec<u8>,
    picks: LinkPicks,
}

prop_compose! {
    fn arbitrary_initiative_draft()(
        header in arbitrary_entity_header(),
        title in arbitrary_title(),
        description in arbitrary_free_text(),
        status in select(InitiativeStatus::ALL.to_vec()),
        scores in arbitrary_scores_draft(),
        effort_person_days in option::of(0u32..=2_000),
        schedule in (option::of(arbitrary_quarter()), 0u8..=8, any::<bool>()),
        cost_lines in vec(arbitrary_cost_line_draft(), 0..3),
        tags in arbitrary_tags(),
        contribution_strengths in vec(1u8..=3, 4),
        picks in arbitrary_link_picks(),
    ) -> InitiativeDraft {
        let (start, duration_quarters, pinned) = schedule;
        InitiativeDraft {
            initiative: Initiative {
                id: String::new(),
                revision: header.revision,
                modified: header.modified,
                external_id: header.external_id,
                title,
                description,
                status,
                scores: InitiativeScores::default(),
                effort_person_days,
                start,
                duration_quarters,
                pinned,
                cost_lines,
                tags,
                goal_contributions: Vec::new(),
                capability_ids: Vec::new(),
                process_ids: Vec::new(),
                depends_on_ids: Vec::new(),
                owner_id: None,
            },
            scores,
            contribution_strengths,
            picks,
        }
    }
}

const SPEND_KINDS: [SpendKind; 3] = [
    SpendKind::Software,
    SpendKind::ServiceProvider,
    SpendKind::Infrastructure,
];

prop_compose! {
    fn arbitrary_spend_item_draft()(
        header in arbitrary_entity_header(),
        name in arbitrary_title(),
        kind in select(SPEND_KINDS.to_vec()),
        vendor in prop_oneof![Just(String::new()), arbitrary_title()],
        start_date in option::of(arbitrary_date()),
        cost_lines in vec(arbitrary_cost_line_draft(), 0..3),
        picks in arbitrary_link_picks(),
    ) -> (SpendItem, LinkPicks) {
        let spend_item = SpendItem {
            id: String::new(),
            revision: header.revision,
            modified: header.modified,
            external_id: header.external_id,
            name,
            kind,
            vendor,
            start_date,
            cost_lines,
            owner_id: None,
            process_ids: Vec::new(),
            goal_ids: Vec::new(),
            initiative_id: None,
        };
        (spend_item, picks)
    }
}

const INITIATIVE_HEALTHS: [InitiativeHealth; 3] = [
    InitiativeHealth::OnTrack,
    InitiativeHealth::AtRisk,
    InitiativeHealth::Late,
];

#[derive(Debug, Clone)]
struct ReviewDraft {
    review: Review,
    kpi_actual_values: Vec<(f64, String)>,
    health_entries: Vec<(InitiativeHealth, Option<InitiativeStatus>, String)>,
    picks: LinkPicks,
}

prop_compose! {
    fn arbitrary_luftman_levels()(
        first_three in (arbitrary_rating(), arbitrary_rating(), arbitrary_rating()),
        last_three in (arbitrary_rating(), arbitrary_rating(), arbitrary_rating()),
    ) -> LuftmanLevels {
        LuftmanLevels {
            communications: first_three.0,
            competency_value_measurement: first_three.1,
            governance: first_three.2,
            partnership: last_three.0,
            scope_and_architecture: last_three.1,
            skills: last_three.2,
        }
    }
}

prop_compose! {
    fn arbitrary_snapshot()(
        alignment_coverage_percent in option::of(prop_oneof![Just(0.0), Just(100.0), 0.0f64..=100.0]),
        total_yearly_cost_cents in arbitrary_money(),
        counts in (0u32..=500, 0u32..=500, 0u32..=500, 0u32..=500),
    ) -> KeyFigureSnapshot {
        KeyFigureSnapshot {
            alignment_coverage_percent,
            total_yearly_cost_cents,
            goal_count: counts.0,
            measurable_goal_count: counts.1,
            initiative_count: counts.2,
            finding_count: counts.3,
        }
    }
}

prop_compose! {
    fn arbitrary_review_draft()(
        header in arbitrary_entity_header(),
        quarter in arbitrary_quarter(),
        day_of_quarter in 0u64..90,
        ratings in (arbitrary_rating(), arbitrary_rating(), arbitrary_rating()),
        luftman in arbitrary_luftman_levels(),
        texts in (arbitrary_text_list(), arbitrary_text_list(), arbitrary_free_text()),
        snapshot in arbitrary_snapshot(),
        kpi_actual_values in vec((arbitrary_finite_number(), arbitrary_free_text()), 4),
        health_entries in vec(
            (select(INITIATIVE_HEALTHS.to_vec()), option::of(select(InitiativeStatus::ALL.to_vec())), arbitrary_free_text()),
            4,
        ),
        picks in arbitrary_link_picks(),
    ) -> ReviewDraft {
        let (decisions, next_steps, notes) = texts;
        ReviewDraft {
            review: Review {
                id: String::new(),
                revision: header.revision,
                modified: header.modified,
                external_id: header.external_id,
                quarter,
                date: date_in_quarter(quarter, day_of_quarter),
                kpi_actuals: Vec::new(),
                initiative_health: Vec::new(),
                user_acceptance: ratings.0,
                technical_debt: ratings.1,
                security_posture: ratings.2,
                luftman,
                decisions,
                next_steps,
                confirmed_spend_item_ids: Vec::new(),
                confirmed_initiative_ids: Vec::new(),
                snapshot,
                notes,
            },
            kpi_actual_values,
            health_entries,
            picks,
        }
    }
}

/// A vote drawn before the session's participants and the initiatives are known.
#[derive(Debug, Clone)]
struct EstimateVoteDraft {
    initiative: Index,
    participant: Index,
    value: Option<u8>,
    effort: Option<u8>,
}

#[derive(Debug, Clone)]
struct DotVoteDraft {
    on_goal: bool,
    target: Index,
    participant: Index,
    dots: u8,
}

#[derive(Debug, Clone)]
struct AcceptedEstimateDraft {
    initiative: Index,
    value: Option<u8>,
    effort: Option<u8>,
    note: String,
}

#[derive(Debug, Clone)]
struct WorkshopDraft {
    session: WorkshopSession,
    estimate_votes: Vec<EstimateVoteDraft>,
    dot_votes: Vec<DotVoteDraft>,
    accepted_estimates: Vec<AcceptedEstimateDraft>,
}

prop_compose! {
    fn arbitrary_workshop_draft()(
        header in arbitrary_entity_header(),
        title in arbitrary_title(),
        date in arbitrary_date(),
        participant_count in prop_oneof![1 => Just(0u16), 6 => 1u16..=6],
        with_names in any::<bool>(),
        names in vec(arbitrary_title(), 6),
        dots_per_participant in 1u8..=5,
        estimate_votes in vec(
            (any::<Index>(), any::<Index>(), arbitrary_score(), arbitrary_score())
                .prop_map(|(initiative, participant, value, effort)| EstimateVoteDraft { initiative, participant, value, effort }),
            0..6,
        ),
        dot_votes in vec(
            (any::<bool>(), any::<Index>(), any::<Index>(), 1u8..=5)
                .prop_map(|(on_goal, target, participant, dots)| DotVoteDraft { on_goal, target, participant, dots }),
            0..6,
        ),
        accepted_estimates in vec(
            (any::<Index>(), arbitrary_score(), arbitrary_score(), arbitrary_free_text())
                .prop_map(|(initiative, value, effort, note)| AcceptedEstimateDraft { initiative, value, effort, note }),
            0..3,
        ),
        decisions in arbitrary_text_list(),
    ) -> WorkshopDraft {
        // Names are optional and one per participant: all of them or none.
        let participant_names = if with_names {
            names.into_iter().take(usize::from(participant_count)).collect()
        } else {
            Vec::new()
        };
        WorkshopDraft {
            session: WorkshopSession {
                id: String::new(),
                revision: header.revision,
                modified: header.modified,
                external_id: header.external_id,
                title,
                date,
                participant_names,
                participant_count,
                dots_per_participant,
                estimate_votes: Vec::new(),
                dot_votes: Vec::new(),
                accepted_estimates: Vec::new(),
                decisions,
            },
            estimate_votes,
            dot_votes,
            accepted_estimates,
        }
    }
}

const SCORING_FRAMEWORKS: [ScoringFramework; 4] = [
    ScoringFramework::ValueEffort,
    ScoringFramework::Weighted,
    ScoringFramework::Wsjf,
    ScoringFramework::Rice,
];

prop_compose! {
    fn arbitrary_quadrant_labels()(
        labels in (
            option::of(arbitrary_title()),
            option::of(arbitrary_title()),
            option::of(arbitrary_title()),
            option::of(arbitrary_title()),
        ),
    ) -> QuadrantLabels {
        QuadrantLabels { quick_win: labels.0, platform_topic: labels.1, fill_in: labels.2, time_sink: labels.3 }
    }
}

prop_compose! {
    /// Settings; the weighted criteria get their ids when the model is built.
    fn arbitrary_settings_draft()(
        capacity_person_days_per_quarter in option::of(1u32..=10_000),
        it_budget_cents_per_year in option::of(arbitrary_money()),
        it_budget_cents_per_quarter in btree_map(arbitrary_quarter(), arbitrary_money(), 0..4),
        wip_limit in option::of(1u32..=20),
        large_spend_threshold_cents in prop_oneof![Just(100_000i64), arbitrary_money()],
        useful_life_years in 1u8..=10,
        quadrant_threshold in prop_oneof![Just(5.5), (10u32..=100).prop_map(|tenths| f64::from(tenths) / 10.0)],
        quadrant_labels in arbitrary_quadrant_labels(),
        scoring_framework in select(SCORING_FRAMEWORKS.to_vec()),
        weighted_criteria in vec((arbitrary_title(), 0u8..=100), 0..4),
        roadmap_horizon_quarters in 4u8..=12,
        derive_value_from_goals in any::<bool>(),
    ) -> Settings {
        Settings {
            capacity_person_days_per_quarter,
            it_budget_cents_per_year,
            it_budget_cents_per_quarter,
            wip_limit,
            large_spend_threshold_cents,
            useful_life_years,
            quadrant_threshold,
            quadrant_labels,
            scoring_framework,
            weighted_criteria: weighted_criteria
                .into_iter()
                .map(|(name, weight)| WeightedCriterion { id: String::new(), name, weight })
                .collect(),
            roadmap_horizon_quarters,
            derive_value_from_goals,
        }
    }
}

/// Everything a model is built from, drawn before ids and links exist.
#[derive(Debug, Clone)]
pub struct ModelBlueprint {
    id_seed: u64,
    title: String,
    organization: String,
    currency: String,
    planning_start: Quarter,
    header: EntityHeader,
    settings: Settings,
    people: Vec<Person>,
    goals: Vec<(Goal, LinkPicks)>,
    kpis: Vec<(Kpi, LinkPicks)>,
    processes: Vec<(BusinessProcess, LinkPicks)>,
    capabilities: Vec<(Capability, LinkPicks)>,
    data_objects: Vec<(DataObject, LinkPicks)>,
    initiatives: Vec<InitiativeDraft>,
    spend_items: Vec<(SpendItem, LinkPicks)>,
    reviews: Vec<ReviewDraft>,
    workshop_sessions: Vec<WorkshopDraft>,
    tombstones: Vec<(EntityKind, Timestamp)>,
    merged_export_count: usize,
}

prop_compose! {
    fn arbitrary_model_header()(
        id_seed in any::<u64>(),
        title in arbitrary_title(),
        organization in prop_oneof![Just(String::new()), arbitrary_title()],
        currency in select(vec!["EUR".to_string(), "USD".to_string(), "CHF".to_string(), "GBP".to_string()]),
        planning_start in arbitrary_quarter(),
        header in arbitrary_entity_header(),
        settings in arbitrary_settings_draft(),
    ) -> (u64, String, String, String, Quarter, EntityHeader, Settings) {
        (id_seed, title, organization, currency, planning_start, header, settings)
    }
}

prop_compose! {
    /// The drafts of a model: at least one entity of every kind, and at least two
    /// initiatives so that a dependency is possible.
    pub fn arbitrary_model_blueprint()(
        model_header in arbitrary_model_header(),
        people in vec(arbitrary_person_draft(), 1..4),
        goals in vec(arbitrary_goal_draft(), 1..4),
        kpis in vec(arbitrary_kpi_draft(), 1..4),
        processes in vec(arbitrary_process_draft(), 1..3),
        capabilities in vec(arbitrary_capability_draft(), 1..4),
        data_objects in vec(arbitrary_data_object_draft(), 1..3),
        initiatives in vec(arbitrary_initiative_draft(), 2..6),
        spend_items in vec(arbitrary_spend_item_draft(), 1..3),
        reviews_and_workshops in (vec(arbitrary_review_draft(), 1..3), vec(arbitrary_workshop_draft(), 1..3)),
        tombstones in vec((select(EntityKind::ALL.to_vec()), arbitrary_timestamp()), 1..3),
        merged_export_count in 1usize..3,
    ) -> ModelBlueprint {
        let (id_seed, title, organization, currency, planning_start, header, settings) = model_header;
        let (reviews, workshop_sessions) = reviews_and_workshops;
        ModelBlueprint {
            id_seed,
            title,
            organization,
            currency,
            planning_start,
            header,
            settings,
            people,
            goals,
            kpis,
            processes,
            capabilities,
            data_objects,
            initiatives,
            spend_items,
            reviews,
            workshop_sessions,
            tombstones,
            merged_export_count,
        }
    }
}

/// A valid model holding every entity kind and, across a run, every kind of link.
pub fn arbitrary_valid_model() -> impl Strategy<Value = Model> {
    arbitrary_model_blueprint().prop_map(build_model)
}

// ---------------------------------------------------------------------------------
// Building: ids, then links
// ---------------------------------------------------------------------------------

/// Hands out UUIDv4-shaped ids that are unique within one model: the seed fills the
/// random part and a counter the node part, so no two ids of a model are equal.
struct IdMaker {
    seed: u64,
    next_number: u64,
}

impl IdMaker {
    fn next_id(&mut self) -> EntityId {
        let number = self.next_number;
        self.next_number += 1;
        let seed = self.seed;
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            (seed >> 32) as u32,
            (seed >> 16) as u16,
            seed & 0x0fff,
            0x8000 | ((number >> 48) & 0x3fff),
            number & 0xffff_ffff_ffff
        )
    }

    fn ids(&mut self, count: usize) -> Vec<EntityId> {
        (0..count).map(|_| self.next_id()).collect()
    }
}

/// Turns drafts into a valid model: gives every entity a unique id and resolves every
/// pick against the entities that exist.
pub fn build_model(blueprint: ModelBlueprint) -> Model {
    let mut id_maker = IdMaker {
        seed: blueprint.id_seed,
        next_number: 0,
    };
    let model_id = id_maker.next_id();
    let mut settings = blueprint.settings;
    for criterion in &mut settings.weighted_criteria {
        criterion.id = id_maker.next_id();
    }
    let criterion_ids: Vec<EntityId> = settings
        .weighted_criteria
        .iter()
        .map(|criterion| criterion.id.clone())
        .collect();

    let person_ids = id_maker.ids(blueprint.people.len());
    let goal_ids = id_maker.ids(blueprint.goals.len());
    let kpi_ids = id_maker.ids(blueprint.kpis.len());
    let process_ids = id_maker.ids(blueprint.processes.len());
    let capability_ids = id_maker.ids(blueprint.capabilities.len());
    let data_object_ids = id_maker.ids(blueprint.data_objects.len());
    let initiative_ids = id_maker.ids(blueprint.initiatives.len());
    let spend_item_ids = id_maker.ids(blueprint.spend_items.len());
    let review_ids = id_maker.ids(blueprint.reviews.len());
    let workshop_ids = id_maker.ids(blueprint.workshop_sessions.len());

    let people = blueprint
        .people
        .into_iter()
        .zip(&person_ids)
        .map(|(person, id)| Person {
            id: id.clone(),
            ..person
        })
        .collect();

    let goals = blueprint
        .goals
        .into_iter()
        .zip(&goal_ids)
        .map(|((goal, picks), id)| Goal {
            id: id.clone(),
            owner_id: pick_owner(&person_ids, &picks),
            ..goal
        })
        .collect();

    let kpis = blueprint
        .kpis
        .into_iter()
        .zip(&kpi_ids)
        .map(|((kpi, picks), id)| Kpi {
            id: id.clone(),
            goal_id: picks.single.get(&goal_ids).clone(),
            owner_id: pick_owner(&person_ids, &picks),
            ..kpi
        })
        .collect();

    let processes = blueprint
        .processes
        .into_iter()
        .zip(&process_ids)
        .map(|((process, picks), id)| BusinessProcess {
            id: id.clone(),
            owner_id: pick_owner(&person_ids, &picks),
            ..process
        })
        .collect();

    let capabilities = blueprint
        .capabilities
        .into_iter()
        .zip(&capability_ids)
        .map(|((capability, picks), id)| Capability {
            id: id.clone(),
            owner_id: pick_owner(&person_ids, &picks),
            goal_ids: pick_distinct(&goal_ids, &picks.goals),
            process_ids: pick_distinct(&process_ids, &picks.processes),
            data_object_ids: pick_distinct(&data_object_ids, &picks.data_objects),
            ..capability
        })
        .collect();

    let data_objects = blueprint
        .data_objects
        .into_iter()
        .zip(&data_object_ids)
        .map(|((data_object, picks), id)| DataObject {
            id: id.clone(),
            data_owner_id: pick_owner(&person_ids, &picks),
            ..data_object
        })
        .collect();

    let initiatives = blueprint
        .initiatives
        .into_iter()
        .enumerate()
        .map(|(position, draft)| {
            build_initiative(
                draft,
                position,
                &initiative_ids,
                &mut id_maker,
                &LinkTargets {
                    person_ids: &person_ids,
                    goal_ids: &goal_ids,
                    process_ids: &process_ids,
                    capability_ids: &capability_ids,
                    criterion_ids: &criterion_ids,
                },
            )
        })
        .collect();

    let spend_items = blueprint
        .spend_items
        .into_iter()
        .zip(&spend_item_ids)
        .map(|((spend_item, picks), id)| SpendItem {
            id: id.clone(),
            cost_lines: with_cost_line_ids(spend_item.cost_lines.clone(), &mut id_maker),
            owner_id: pick_owner(&person_ids, &picks),
            process_ids: pick_distinct(&process_ids, &picks.processes),
            goal_ids: pick_distinct(&goal_ids, &picks.goals),
            initiative_id: picks
                .single_is_set
                .then(|| picks.single.get(&initiative_ids).clone()),
            ..spend_item
        })
        .collect();

    let reviews = blueprint
        .reviews
        .into_iter()
        .zip(&review_ids)
        .map(|(draft, id)| {
            let kpi_actuals = pick_distinct(&kpi_ids, &draft.picks.kpis)
                .into_iter()
                .zip(draft.kpi_actual_values)
                .map(|(kpi_id, (value, note))| ReviewKpiActual {
                    kpi_id,
                    value,
                    note,
                })
                .collect();
            let initiative_health = pick_distinct(&initiative_ids, &draft.picks.initiatives)
                .into_iter()
                .zip(draft.health_entries)
                .map(
                    |(initiative_id, (health, new_status, note))| ReviewInitiativeHealth {
                        initiative_id,
                        health,
                        new_status,
                        note,
                    },
                )
                .collect();
            Review {
                id: id.clone(),
                kpi_actuals,
                initiative_health,
                confirmed_spend_item_ids: pick_distinct(&spend_item_ids, &draft.picks.spend_items),
                confirmed_initiative_ids: pick_distinct(&initiative_ids, &draft.picks.initiatives),
                ..draft.review
            }
        })
        .collect();

    let workshop_sessions = blueprint
        .workshop_sessions
        .into_iter()
        .zip(&workshop_ids)
        .map(|(draft, id)| build_workshop_session(draft, id.clone(), &goal_ids, &initiative_ids))
        .collect();

    let tombstones = blueprint
        .tombstones
        .into_iter()
        .map(|(kind, deleted)| Tombstone {
            id: id_maker.next_id(),
            kind,
            deleted,
        })
        .collect();
    let merged_export_ids = id_maker.ids(blueprint.merged_export_count);

    Model {
        id: model_id,
        title: blueprint.title,
        organization: blueprint.organization,
        currency: blueprint.currency,
        planning_start: blueprint.planning_start,
        revision: blueprint.header.revision,
        modified: blueprint.header.modified,
        settings,
        people,
        goals,
        kpis,
        processes,
        capabilities,
        data_objects,
        initiatives,
        spend_items,
        reviews,
        workshop_sessions,
        tombstones,
        merged_export_ids,
    }
}

/// The ids an initiative may link to.
struct LinkTargets<'ids> {
    person_ids: &'ids [EntityId],
    goal_ids: &'ids [EntityId],
    process_ids: &'ids [EntityId],
    capability_ids: &'ids [EntityId],
    criterion_ids: &'ids [EntityId],
}

fn with_cost_line_ids(cost_lines: Vec<CostLine>, id_maker: &mut IdMaker) -> Vec<CostLine> {
    cost_lines
        .into_iter()
        .map(|cost_line| CostLine {
            id: id_maker.next_id(),
            ..cost_line
        })
        .collect()
}

fn build_initiative(
    draft: InitiativeDraft,
    position: usize,
    initiative_ids: &[EntityId],
    id_maker: &mut IdMaker,
    targets: &LinkTargets<'_>,
) -> Initiative {
    let picks = &draft.picks;
    let goal_contributions = pick_distinct(targets.goal_ids, &picks.goals)
        .into_iter()
        .zip(draft.contribution_strengths.iter().copied().cycle())
        .map(|(goal_id, strength)| GoalContribution { goal_id, strength })
        .collect();
    // Only earlier initiatives may be depended on, so the dependencies form a DAG.
    let earlier_initiatives = initiative_ids.get(..position).unwrap_or_default();
    let depends_on_ids = pick_distinct(earlier_initiatives, &picks.initiatives);
    let mut scores = draft.scores.scores;
    if !targets.criterion_ids.is_empty() {
        for (criterion_pick, score) in &draft.scores.criterion_scores {
            scores
                .criterion_scores
                .insert(criterion_pick.get(targets.criterion_ids).clone(), *score);
        }
    }
    Initiative {
        id: initiative_ids.get(position).cloned().unwrap_or_default(),
        scores,
        cost_lines: with_cost_line_ids(draft.initiative.cost_lines.clone(), id_maker),
        goal_contributions,
        capability_ids: pick_distinct(targets.capability_ids, &picks.capabilities),
        process_ids: pick_distinct(targets.process_ids, &picks.processes),
        depends_on_ids,
        owner_id: pick_owner(targets.person_ids, picks),
        ..draft.initiative
    }
}

fn build_workshop_session(
    draft: WorkshopDraft,
    id: EntityId,
    goal_ids: &[EntityId],
    initiative_ids: &[EntityId],
) -> WorkshopSession {
    let participant_count = draft.session.participant_count;
    let participant_numbers: Vec<u16> = (1..=participant_count).collect();
    let dots_per_participant = draft.session.dots_per_participant;

    let mut estimate_votes = Vec::new();
    let mut estimate_voted = HashSet::new();
    let mut dot_votes = Vec::new();
    let mut dot_voted = HashSet::new();
    let mut dots_left: HashMap<u16, u8> = HashMap::new();
    // Without participants there is nobody to vote; the session only has decisions.
    if !participant_numbers.is_empty() {
        for vote in &draft.estimate_votes {
            let participant_number = *vote.participant.get(&participant_numbers);
            let initiative_id = vote.initiative.get(initiative_ids).clone();
            if estimate_voted.insert((participant_number, initiative_id.clone())) {
                estimate_votes.push(WorkshopEstimateVote {
                    initiative_id,
                    participant_number,
                    value: vote.value,
                    effort: vote.effort,
                });
            }
        }
        for vote in &draft.dot_votes {
            let participant_number = *vote.participant.get(&participant_numbers);
            let (target_kind, target_id) = if vote.on_goal {
                (DotVoteTargetKind::Goal, vote.target.get(goal_ids).clone())
            } else {
                (
                    DotVoteTargetKind::Initiative,
                    vote.target.get(initiative_ids).clone(),
                )
            };
            // Each participant has a budget of dots; a vote takes what is left of it.
            let left = dots_left
                .entry(participant_number)
                .or_insert(dots_per_participant);
            let dots = vote.dots.min(*left);
            if dots == 0 || !dot_voted.insert((participant_number, target_kind, target_id.clone()))
            {
                continue;
            }
            *left -= dots;
            dot_votes.push(WorkshopDotVote {
                target_kind,
                target_id,
                participant_number,
                dots,
            });
        }
    }
    let mut accepted_initiatives = HashSet::new();
    let accepted_estimates = draft
        .accepted_estimates
        .into_iter()
        .filter_map(|accepted| {
            let initiative_id = accepted.initiative.get(initiative_ids).clone();
            accepted_initiatives
                .insert(initiative_id.clone())
                .then_some(WorkshopAcceptedEstimate {
                    initiative_id,
                    value: accepted.value,
                    effort: accepted.effort,
                    note: accepted.note,
                })
        })
        .collect();
    WorkshopSession {
        id,
        estimate_votes,
        dot_votes,
        accepted_estimates,
        ..draft.session
    }
}

/// Which kinds of link a model uses, to check that the generator reaches them all.
pub fn link_kinds_present(model: &Model) -> BTreeSet<&'static str> {
    let mut present = BTreeSet::new();
    let mut note = |condition: bool, link_kind: &'static str| {
        if condition {
            present.insert(link_kind);
        }
    };
    note(
        model.goals.iter().any(|goal| goal.owner_id.is_some()),
        "goal owner",
    );
    note(
        model.kpis.iter().any(|kpi| kpi.owner_id.is_some()),
        "kpi owner",
    );
    note(!model.kpis.is_empty(), "kpi goal");
    note(
        model
            .processes
            .iter()
            .any(|process| process.owner_id.is_some()),
        "process owner",
    );
    note(
        model
            .data_objects
            .iter()
            .any(|data_object| data_object.data_owner_id.is_some()),
        "data owner",
    );
    note(
        model
            .capabilities
            .iter()
            .any(|capability| capability.owner_id.is_some()),
        "capability owner",
    );
    note(
        model
            .capabilities
            .iter()
            .any(|capability| !capability.goal_ids.is_empty()),
        "capability goals",
    );
    note(
        model
            .capabilities
            .iter()
            .any(|capability| !capability.process_ids.is_empty()),
        "capability processes",
    );
    note(
        model
            .capabilities
            .iter()
            .any(|capability| !capability.data_object_ids.is_empty()),
        "capability data objects",
    );
    note(
        model
            .initiatives
            .iter()
            .any(|initiative| initiative.owner_id.is_some()),
        "initiative owner",
    );
    note(
        model
            .initiatives
            .iter()
            .any(|initiative| !initiative.goal_contributions.is_empty()),
        "goal contributions",
    );
    note(
        model
            .initiatives
            .iter()
            .any(|initiative| !initiative.capability_ids.is_empty()),
        "initiative capabilities",
    );
    note(
        model
            .initiatives
            .iter()
            .any(|initiative| !initiative.process_ids.is_empty()),
        "initiative processes",
    );
    note(
        model
            .initiatives
            .iter()
            .any(|initiative| !initiative.depends_on_ids.is_empty()),
        "initiative dependencies",
    );
    note(
        model
            .initiatives
            .iter()
            .any(|initiative| !initiative.scores.criterion_scores.is_empty()),
        "criterion scores",
    );
    note(
        model
            .initiatives
            .iter()
            .any(|initiative| !initiative.cost_lines.is_empty()),
        "initiative cost lines",
    );
    note(
        model
            .spend_items
            .iter()
            .any(|spend_item| spend_item.owner_id.is_some()),
        "spend item owner",
    );
    note(
        model
            .spend_items
            .iter()
            .any(|spend_item| !spend_item.process_ids.is_empty()),
        "spend item processes",
    );
    note(
        model
            .spend_items
            .iter()
            .any(|spend_item| !spend_item.goal_ids.is_empty()),
        "spend item goals",
    );
    note(
        model
            .spend_items
            .iter()
            .any(|spend_item| spend_item.initiative_id.is_some()),
        "spend item initiative",
    );
    note(
        model
            .reviews
            .iter()
            .any(|review| !review.kpi_actuals.is_empty()),
        "review kpi actuals",
    );
    note(
        model
            .reviews
            .iter()
            .any(|review| !review.initiative_health.is_empty()),
        "review health",
    );
    note(
        model
            .reviews
            .iter()
            .any(|review| !review.confirmed_spend_item_ids.is_empty()),
        "review confirmed spend items",
    );
    note(
        model
            .reviews
            .iter()
            .any(|review| !review.confirmed_initiative_ids.is_empty()),
        "review confirmed initiatives",
    );
    note(
        model
            .workshop_sessions
            .iter()
            .any(|session| !session.estimate_votes.is_empty()),
        "workshop votes",
    );
    note(
        model
            .workshop_sessions
            .iter()
            .flat_map(|session| &session.dot_votes)
            .any(|vote| vote.target_kind == DotVoteTargetKind::Goal),
        "dot votes on goals",
    );
    note(
        model
            .workshop_sessions
            .iter()
            .flat_map(|session| &session.dot_votes)
            .any(|vote| vote.target_kind == DotVoteTargetKind::Initiative),
        "dot votes on initiatives",
    );
    note(
        model
            .workshop_sessions
            .iter()
            .any(|session| !session.accepted_estimates.is_empty()),
        "accepted estimates",
    );
    note(!model.tombstones.is_empty(), "tombstones");
    note(!model.merged_export_ids.is_empty(), "merged export ids");
    note(
        !model.settings.it_budget_cents_per_quarter.is_empty(),
        "quarter budget",
    );
    present
}

/// Every link kind [`link_kinds_present`] knows.
pub const ALL_LINK_KINDS: [&str; 31] = [
    "goal owner",
    "kpi owner",
    "kpi goal",
    "process owner",
    "data owner",
    "capability owner",
    "capability goals",
    "capability processes",
    "capability data objects",
    "initiative owner",
    "goal contributions",
    "initiative capabilities",
    "initiative processes",
    "initiative dependencies",
    "criterion scores",
    "initiative cost lines",
    "spend item owner",
    "spend item processes",
    "spend item goals",
    "spend item initiative",
    "review kpi actuals",
    "review health",
    "review confirmed spend items",
    "review confirmed initiatives",
    "workshop votes",
    "dot votes on goals",
    "dot votes on initiatives",
    "accepted estimates",
    "tombstones",
    "merged export ids",
    "quarter budget",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validation::validate_model;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    proptest! {
        #![proptest_config(proptest_config_with_default_cases(128))]

        #[test]
        fn generated_models_are_valid_and_hold_every_entity_kind(model in arbitrary_valid_model()) {
            prop_assert_eq!(validate_model(&model), Vec::new());
            for kind in EntityKind::ALL {
                prop_assert!(model.entity_count(kind) >= 1, "no {:?}", kind);
            }
        }
    }

    /// Across a modest sample, every kind of link shows up at least once; a generator
    /// change that silently stops producing one of them fails here.
    #[test]
    fn every_link_kind_appears_across_a_sample() {
        let mut runner = TestRunner::deterministic();
        let strategy = arbitrary_valid_model();
        let mut seen = BTreeSet::new();
        for _ in 0..64 {
            let model = strategy
                .new_tree(&mut runner)
                .expect("the generator does not reject cases")
                .current();
            seen.extend(link_kinds_present(&model));
        }
        let missing: Vec<&str> = ALL_LINK_KINDS
            .iter()
            .copied()
            .filter(|link_kind| !seen.contains(link_kind))
            .collect();
        assert!(missing.is_empty(), "never generated: {missing:?}");
    }

    #[test]
    fn ids_look_like_uuid_v4_and_are_unique() {
        let mut id_maker = IdMaker {
            seed: u64::MAX,
            next_number: 0,
        };
        let ids = id_maker.ids(1_000);
        let unique: HashSet<&EntityId> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len());
        for id in &ids {
            assert_eq!(id.len(), 36);
            assert_eq!(id.as_bytes()[14], b'4', "version 4: {id}");
            assert!(
                matches!(id.as_bytes()[19], b'8' | b'9' | b'a' | b'b'),
                "variant: {id}"
            );
        }
    }

    #[test]
    fn dates_in_a_quarter_stay_in_it() {
        for quarter_of_year in 1..=4 {
            let quarter = Quarter::new(2024, quarter_of_year).expect("a quarter");
            for day in [0, 45, 89, 1_000] {
                assert_eq!(Quarter::containing(date_in_quarter(quarter, day)), quarter);
            }
        }
    }
}
