//! The field lists of every stored type, for the JSON codec: one list per type gives
//! both the writer and the reader, in declaration order (the order files are written
//! in). `required` fields must be present; `optional` ones are `Option`s that may be
//! missing or null; `defaulted` ones take their default when missing.
//!
//! These lists repeat the serde attributes on the types (which the JSON Schema is
//! generated from); the tests in `codec_tests.rs` check on generated models and on
//! damaged files that both read and write exactly alike.

use crate::model::types::*;
use crate::{codec_enum, codec_struct};

codec_struct!(Model {
    id: required,
    title: required,
    organization: defaulted,
    currency: required,
    planning_start: required,
    revision: required,
    modified: required,
    settings: defaulted,
    people: defaulted,
    goals: defaulted,
    kpis: defaulted,
    processes: defaulted,
    capabilities: defaulted,
    data_objects: defaulted,
    initiatives: defaulted,
    spend_items: defaulted,
    reviews: defaulted,
    workshop_sessions: defaulted,
    tombstones: defaulted,
    merged_export_ids: defaulted,
});

codec_struct!(Tombstone {
    id: required,
    kind: required,
    deleted: required,
});

codec_struct!(Person {
    id: required,
    revision: required,
    modified: required,
    external_id: optional,
    name: required,
    roles: defaulted,
    email: optional,
});

codec_struct!(Goal {
    id: required,
    revision: required,
    modified: required,
    external_id: optional,
    title: required,
    statement: defaulted,
    weight: required,
    horizon: optional,
    owner_id: optional,
    cobit_goal: optional,
    tags: defaulted,
});

codec_struct!(KpiMeasurement {
    quarter: required,
    value: required,
    note: defaulted,
});

codec_struct!(Kpi {
    id: required,
    revision: required,
    modified: required,
    external_id: optional,
    goal_id: required,
    name: required,
    unit: defaulted,
    direction: required,
    baseline: optional,
    baseline_date: optional,
    target: optional,
    target_date: optional,
    measurements: defaulted,
    data_source: defaulted,
    owner_id: optional,
});

codec_struct!(BusinessProcess {
    id: required,
    revision: required,
    modified: required,
    external_id: optional,
    name: required,
    description: defaulted,
    owner_id: optional,
});

codec_struct!(Capability {
    id: required,
    revision: required,
    modified: required,
    external_id: optional,
    name: required,
    description: defaulted,
    kind: required,
    current_maturity: required,
    target_maturity: required,
    business_fit: optional,
    technical_fit: optional,
    owner_id: optional,
    goal_ids: defaulted,
    process_ids: defaulted,
    data_object_ids: defaulted,
});

codec_struct!(DataObject {
    id: required,
    revision: required,
    modified: required,
    external_id: optional,
    name: required,
    description: defaulted,
    data_owner_id: optional,
    quality_rating: optional,
});

codec_struct!(InitiativeScores {
    value: optional,
    effort: optional,
    risk: optional,
    time_criticality: optional,
    risk_reduction: optional,
    rice_reach: optional,
    rice_impact: optional,
    rice_confidence_percent: optional,
    criterion_scores: defaulted,
});

codec_struct!(CostLine {
    id: required,
    category: required,
    description: defaulted,
    one_time_cents: defaulted,
    running_cents_per_year: defaulted,
});

codec_struct!(GoalContribution {
    goal_id: required,
    strength: required,
});

codec_struct!(Initiative {
    id: required,
    revision: required,
    modified: required,
    external_id: optional,
    title: required,
    description: defaulted,
    status: required,
    scores: defaulted,
    effort_person_days: optional,
    start: optional,
    duration_quarters: defaulted_with(default_duration_quarters),
    pinned: defaulted,
    cost_lines: defaulted,
    tags: defaulted,
    goal_contributions: defaulted,
    capability_ids: defaulted,
    process_ids: defaulted,
    depends_on_ids: defaulted,
    owner_id: optional,
});

codec_struct!(SpendItem {
    id: required,
    revision: required,
    modified: required,
    external_id: optional,
    name: required,
    kind: required,
    vendor: defaulted,
    start_date: optional,
    cost_lines: defaulted,
    owner_id: optional,
    process_ids: defaulted,
    goal_ids: defaulted,
    initiative_id: optional,
});

codec_struct!(ReviewKpiActual {
    kpi_id: required,
    value: required,
    note: defaulted,
});

codec_struct!(ReviewInitiativeHealth {
    initiative_id: required,
    health: required,
    new_status: optional,
    note: defaulted,
});

codec_struct!(LuftmanLevels {
    communications: optional,
    competency_value_measurement: optional,
    governance: optional,
    partnership: optional,
    scope_and_architecture: optional,
    skills: optional,
});

codec_struct!(KeyFigureSnapshot {
    alignment_coverage_percent: optional,
    total_yearly_cost_cents: defaulted,
    goal_count: defaulted,
    measurable_goal_count: defaulted,
    initiative_count: defaulted,
    finding_count: defaulted,
});

codec_struct!(Review {
    id: required,
    revision: required,
    modified: required,
    external_id: optional,
    quarter: required,
    date: required,
    kpi_actuals: defaulted,
    initiative_health: defaulted,
    user_acceptance: optional,
    technical_debt: optional,
    security_posture: optional,
    luftman: defaulted,
    decisions: defaulted,
    next_steps: defaulted,
    confirmed_spend_item_ids: defaulted,
    confirmed_initiative_ids: defaulted,
    snapshot: defaulted,
    notes: defaulted,
});

codec_struct!(WorkshopEstimateVote {
    initiative_id: required,
    participant_number: required,
    value: optional,
    effort: optional,
});

codec_struct!(WorkshopDotVote {
    target_kind: required,
    target_id: required,
    participant_number: required,
    dots: required,
});

codec_struct!(WorkshopAcceptedEstimate {
    initiative_id: required,
    value: optional,
    effort: optional,
    note: defaulted,
});

codec_struct!(WorkshopSession {
    id: required,
    revision: required,
    modified: required,
    external_id: optional,
    title: required,
    date: required,
    participant_names: defaulted,
    participant_count: required,
    dots_per_participant: defaulted_with(default_dots_per_participant),
    estimate_votes: defaulted,
    dot_votes: defaulted,
    accepted_estimates: defaulted,
    decisions: defaulted,
});

codec_struct!(WeightedCriterion {
    id: required,
    name: required,
    weight: required,
});

codec_struct!(QuadrantLabels {
    quick_win: optional,
    platform_topic: optional,
    fill_in: optional,
    time_sink: optional,
});

codec_struct!(Settings {
    capacity_person_days_per_quarter: optional,
    it_budget_cents_per_year: optional,
    it_budget_cents_per_quarter: defaulted,
    wip_limit: optional,
    large_spend_threshold_cents: required,
    useful_life_years: required,
    quadrant_threshold: required,
    quadrant_labels: defaulted,
    scoring_framework: required,
    weighted_criteria: defaulted,
    roadmap_horizon_quarters: required,
    derive_value_from_goals: defaulted,
});

codec_enum!(EntityKind { Person = "person", Goal = "goal", Kpi = "kpi", BusinessProcess = "business_process", Capability = "capability", DataObject = "data_object", Initiative = "initiative", SpendItem = "spend_item", Review = "review", WorkshopSession = "workshop_session" });

codec_enum!(PersonRole { Management = "management", ProductOwner = "product_owner", ProcessOwner = "process_owner", DataOwner = "data_owner", ItProvider = "it_provider" });

codec_enum!(CobitEnterpriseGoal { Eg01 = "EG01", Eg02 = "EG02", Eg03 = "EG03", Eg04 = "EG04", Eg05 = "EG05", Eg06 = "EG06", Eg07 = "EG07", Eg08 = "EG08", Eg09 = "EG09", Eg10 = "EG10", Eg11 = "EG11", Eg12 = "EG12", Eg13 = "EG13" });

codec_enum!(KpiDirection { Increase = "increase", Decrease = "decrease" });

codec_enum!(CapabilityKind { System = "system", Data = "data", Interface = "interface", Infrastructure = "infrastructure" });

codec_enum!(InitiativeStatus { Idea = "idea", Planned = "planned", Active = "active", Done = "done", Stopped = "stopped" });

codec_enum!(CostCategory { Acquisition = "acquisition", Operation = "operation", Training = "training", Change = "change", Security = "security" });

codec_enum!(SpendKind { Software = "software", ServiceProvider = "service_provider", Infrastructure = "infrastructure" });

codec_enum!(InitiativeHealth { OnTrack = "on_track", AtRisk = "at_risk", Late = "late" });

codec_enum!(DotVoteTargetKind { Goal = "goal", Initiative = "initiative" });

codec_enum!(ScoringFramework { ValueEffort = "value_effort", Weighted = "weighted", Wsjf = "wsjf", Rice = "rice" });
