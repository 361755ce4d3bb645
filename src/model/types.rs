//! The entities of an alignment model, as DESIGN.md section 2 describes them.
//!
//! These are plain data: no signals, no browser types. Every entity carries its id,
//! a `revision` the core increments on each change, a `modified` time set at the edge,
//! and an optional `external_id` from another tool's file. Links are stored as ids on
//! the entity that owns the link (an initiative lists the goals it contributes to),
//! so every link has exactly one place and a merge sees it as a field change.
//!
//! Money is an integer number of cents. Scores are small integers whose ranges are
//! checked by [`crate::model::validation`]; the types only make the ranges obvious.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::objects_only;
use super::timestamp_text::{DateText, OptionalDateText, TimestampText};

pub use super::quarter::Quarter;

/// An entity id: a UUIDv4 string created at the edge (UI or import). Kept as a string
/// so that files from other tools and hand-edited files load and are checked by
/// validation, rather than failing in the parser with a less helpful message.
pub type EntityId = String;

/// A point in time, stored as RFC 3339 text in UTC.
pub type Timestamp = chrono::DateTime<chrono::Utc>;

/// A calendar date, stored as `YYYY-MM-DD`.
pub type CalendarDate = chrono::NaiveDate;

/// Money in minor units (cents) of the model's currency.
pub type MoneyCents = i64;

/// Applies the derives every stored type shares: value semantics, serde with unknown
/// fields refused (a field this version does not know would otherwise be dropped
/// silently), and a JSON Schema on native builds only, where the schema is generated.
macro_rules! stored_type {
    ($item:item) => {
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        $item
    };
}

/// The same derives for enums, which additionally compare, order and hash.
macro_rules! stored_enum {
    ($item:item) => {
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        $item
    };
}

stored_type! {
/// One alignment model: everything a firm records about its goals, IT and plans.
pub struct Model {
    pub id: EntityId,
    pub title: String,
    #[serde(default)]
    pub organization: String,
    /// ISO 4217 code, EUR unless the user changes it.
    pub currency: String,
    /// The first quarter of the roadmap.
    pub planning_start: Quarter,
    pub revision: u64,
    #[serde(with = "TimestampText")]
    pub modified: Timestamp,
    #[serde(default, deserialize_with = "objects_only::object")]
    pub settings: Settings,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub people: Vec<Person>,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub goals: Vec<Goal>,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub kpis: Vec<Kpi>,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub processes: Vec<BusinessProcess>,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub capabilities: Vec<Capability>,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub data_objects: Vec<DataObject>,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub initiatives: Vec<Initiative>,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub spend_items: Vec<SpendItem>,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub reviews: Vec<Review>,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub workshop_sessions: Vec<WorkshopSession>,
    /// Deleted entities, so that a merge can tell "deleted here" from "never existed".
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub tombstones: Vec<Tombstone>,
    /// `export_id`s of files already merged into this model, so merging one again is
    /// recognized and changes nothing.
    #[serde(default)]
    pub merged_export_ids: Vec<String>,
}
}

stored_enum! {
/// The kinds of entity a model holds; used by tombstones, deletion and messages.
pub enum EntityKind {
    Person,
    Goal,
    Kpi,
    BusinessProcess,
    Capability,
    DataObject,
    Initiative,
    SpendItem,
    Review,
    WorkshopSession,
}
}

impl EntityKind {
    /// Every kind, in the order screens list them.
    pub const ALL: [EntityKind; 10] = [
        EntityKind::Person,
        EntityKind::Goal,
        EntityKind::Kpi,
        EntityKind::BusinessProcess,
        EntityKind::Capability,
        EntityKind::DataObject,
        EntityKind::Initiative,
        EntityKind::SpendItem,
        EntityKind::Review,
        EntityKind::WorkshopSession,
    ];
}

stored_type! {
/// The record that an entity was deleted.
pub struct Tombstone {
    pub id: EntityId,
    pub kind: EntityKind,
    #[serde(with = "TimestampText")]
    pub deleted: Timestamp,
}
}

stored_enum! {
/// The roles a person can hold in the method.
pub enum PersonRole {
    Management,
    ProductOwner,
    ProcessOwner,
    DataOwner,
    ItProvider,
}
}

stored_type! {
/// A person responsible for something: an owner of goals, KPIs, processes and more.
pub struct Person {
    pub id: EntityId,
    pub revision: u64,
    #[serde(with = "TimestampText")]
    pub modified: Timestamp,
    #[serde(default)]
    pub external_id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub roles: Vec<PersonRole>,
    #[serde(default)]
    pub email: Option<String>,
}
}

stored_enum! {
/// COBIT 2019 enterprise goals EG01 to EG13, an optional tag on a goal.
pub enum CobitEnterpriseGoal {
    #[serde(rename = "EG01")]
    Eg01,
    #[serde(rename = "EG02")]
    Eg02,
    #[serde(rename = "EG03")]
    Eg03,
    #[serde(rename = "EG04")]
    Eg04,
    #[serde(rename = "EG05")]
    Eg05,
    #[serde(rename = "EG06")]
    Eg06,
    #[serde(rename = "EG07")]
    Eg07,
    #[serde(rename = "EG08")]
    Eg08,
    #[serde(rename = "EG09")]
    Eg09,
    #[serde(rename = "EG10")]
    Eg10,
    #[serde(rename = "EG11")]
    Eg11,
    #[serde(rename = "EG12")]
    Eg12,
    #[serde(rename = "EG13")]
    Eg13,
}
}

impl CobitEnterpriseGoal {
    pub const ALL: [CobitEnterpriseGoal; 13] = [
        CobitEnterpriseGoal::Eg01,
        CobitEnterpriseGoal::Eg02,
        CobitEnterpriseGoal::Eg03,
        CobitEnterpriseGoal::Eg04,
        CobitEnterpriseGoal::Eg05,
        CobitEnterpriseGoal::Eg06,
        CobitEnterpriseGoal::Eg07,
        CobitEnterpriseGoal::Eg08,
        CobitEnterpriseGoal::Eg09,
        CobitEnterpriseGoal::Eg10,
        CobitEnterpriseGoal::Eg11,
        CobitEnterpriseGoal::Eg12,
        CobitEnterpriseGoal::Eg13,
    ];

    /// The code as COBIT writes it, `EG01` to `EG13`.
    pub fn code(self) -> &'static str {
        const CODES: [&str; 13] = [
            "EG01", "EG02", "EG03", "EG04", "EG05", "EG06", "EG07", "EG08", "EG09", "EG10", "EG11",
            "EG12", "EG13",
        ];
        CODES[self as usize]
    }
}

stored_type! {
/// A business goal with a measurable statement ("+15 % revenue with existing customers").
pub struct Goal {
    pub id: EntityId,
    pub revision: u64,
    #[serde(with = "TimestampText")]
    pub modified: Timestamp,
    #[serde(default)]
    pub external_id: Option<String>,
    pub title: String,
    #[serde(default)]
    pub statement: String,
    /// Importance 1 to 5.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 5)))]
    pub weight: u8,
    #[serde(default)]
    pub horizon: Option<Quarter>,
    #[serde(default)]
    pub owner_id: Option<EntityId>,
    #[serde(default)]
    pub cobit_goal: Option<CobitEnterpriseGoal>,
    #[serde(default)]
    pub tags: Vec<String>,
}
}

stored_enum! {
/// Whether a KPI gets better when it rises or when it falls.
pub enum KpiDirection {
    Increase,
    Decrease,
}
}

stored_type! {
/// One measured value of a KPI in a quarter.
pub struct KpiMeasurement {
    pub quarter: Quarter,
    pub value: f64,
    #[serde(default)]
    pub note: String,
}
}

stored_type! {
/// A key performance indicator; belongs to exactly one goal.
pub struct Kpi {
    pub id: EntityId,
    pub revision: u64,
    #[serde(with = "TimestampText")]
    pub modified: Timestamp,
    #[serde(default)]
    pub external_id: Option<String>,
    pub goal_id: EntityId,
    pub name: String,
    #[serde(default)]
    pub unit: String,
    pub direction: KpiDirection,
    #[serde(default)]
    pub baseline: Option<f64>,
    #[serde(default, with = "OptionalDateText")]
    pub baseline_date: Option<CalendarDate>,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default, with = "OptionalDateText")]
    pub target_date: Option<CalendarDate>,
    /// Kept sorted by quarter, at most one per quarter.
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub measurements: Vec<KpiMeasurement>,
    #[serde(default)]
    pub data_source: String,
    #[serde(default)]
    pub owner_id: Option<EntityId>,
}
}

stored_type! {
/// A business process such as "quote to invoice".
pub struct BusinessProcess {
    pub id: EntityId,
    pub revision: u64,
    #[serde(with = "TimestampText")]
    pub modified: Timestamp,
    #[serde(default)]
    pub external_id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub owner_id: Option<EntityId>,
}
}

stored_enum! {
/// What kind of IT capability: a system, data, an interface, or infrastructure.
pub enum CapabilityKind {
    System,
    Data,
    Interface,
    Infrastructure,
}
}

stored_type! {
/// An IT capability the goals need, such as "integrated CRM/ERP" or "mobile data capture".
pub struct Capability {
    pub id: EntityId,
    pub revision: u64,
    #[serde(with = "TimestampText")]
    pub modified: Timestamp,
    #[serde(default)]
    pub external_id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub kind: CapabilityKind,
    /// Maturity today, 1 to 5.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 5)))]
    pub current_maturity: u8,
    /// Maturity wanted, 1 to 5.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 5)))]
    pub target_maturity: u8,
    /// For kind system: business fit 1 to 10 (TIME y axis).
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 10)))]
    pub business_fit: Option<u8>,
    /// For kind system: technical fit 1 to 10 (TIME x axis).
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 10)))]
    pub technical_fit: Option<u8>,
    #[serde(default)]
    pub owner_id: Option<EntityId>,
    #[serde(default)]
    pub goal_ids: Vec<EntityId>,
    #[serde(default)]
    pub process_ids: Vec<EntityId>,
    #[serde(default)]
    pub data_object_ids: Vec<EntityId>,
}
}

stored_type! {
/// A data object such as customer master data, with its data owner.
pub struct DataObject {
    pub id: EntityId,
    pub revision: u64,
    #[serde(with = "TimestampText")]
    pub modified: Timestamp,
    #[serde(default)]
    pub external_id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub data_owner_id: Option<EntityId>,
    /// Data quality 1 to 5, when rated.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 5)))]
    pub quality_rating: Option<u8>,
}
}

stored_enum! {
/// The lifecycle of an initiative.
pub enum InitiativeStatus {
    Idea,
    Planned,
    Active,
    Done,
    Stopped,
}
}

impl InitiativeStatus {
    pub const ALL: [InitiativeStatus; 5] = [
        InitiativeStatus::Idea,
        InitiativeStatus::Planned,
        InitiativeStatus::Active,
        InitiativeStatus::Done,
        InitiativeStatus::Stopped,
    ];
}

stored_type! {
/// The optional scores of an initiative. Every score may be missing; an initiative
/// without value and effort is "unscored" and has no quadrant.
#[derive(Default)]
pub struct InitiativeScores {
    /// Business value 1 to 10 set by the user. When the model derives value from goals,
    /// a set value is the override and `None` means the derived value is in force.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 10)))]
    pub value: Option<u8>,
    /// Effort 1 to 10.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 10)))]
    pub effort: Option<u8>,
    /// Risk 1 to 5.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 5)))]
    pub risk: Option<u8>,
    /// WSJF time criticality 1 to 10.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 10)))]
    pub time_criticality: Option<u8>,
    /// WSJF risk reduction / opportunity enablement 1 to 10.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 10)))]
    pub risk_reduction: Option<u8>,
    /// RICE reach: how many people or events per period.
    #[serde(default)]
    pub rice_reach: Option<u32>,
    /// RICE impact: one of 0.25, 0.5, 1, 2, 3.
    #[serde(default)]
    pub rice_impact: Option<f64>,
    /// RICE confidence in percent, 0 to 100.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 0, max = 100)))]
    pub rice_confidence_percent: Option<u8>,
    /// Weighted scoring: a 1 to 5 score per criterion id of the model's settings.
    #[serde(default)]
    pub criterion_scores: BTreeMap<EntityId, u8>,
}
}

/// The RICE impact values the method allows.
pub const RICE_IMPACT_VALUES: [f64; 5] = [0.25, 0.5, 1.0, 2.0, 3.0];

stored_enum! {
/// Where the money of a cost line goes.
pub enum CostCategory {
    Acquisition,
    Operation,
    Training,
    Change,
    Security,
}
}

impl CostCategory {
    pub const ALL: [CostCategory; 5] = [
        CostCategory::Acquisition,
        CostCategory::Operation,
        CostCategory::Training,
        CostCategory::Change,
        CostCategory::Security,
    ];
}

stored_type! {
/// One line of cost of an initiative or a spend item.
pub struct CostLine {
    pub id: EntityId,
    pub category: CostCategory,
    #[serde(default)]
    pub description: String,
    /// One-time amount in cents, at least 0.
    #[serde(default)]
    pub one_time_cents: MoneyCents,
    /// Running amount per year in cents, at least 0.
    #[serde(default)]
    pub running_cents_per_year: MoneyCents,
}
}

stored_type! {
/// How strongly an initiative contributes to a goal: 1 weak, 2 medium, 3 strong.
pub struct GoalContribution {
    pub goal_id: EntityId,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 3)))]
    pub strength: u8,
}
}

stored_type! {
/// An IT initiative (project), scored, scheduled and costed.
pub struct Initiative {
    pub id: EntityId,
    pub revision: u64,
    #[serde(with = "TimestampText")]
    pub modified: Timestamp,
    #[serde(default)]
    pub external_id: Option<String>,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub status: InitiativeStatus,
    #[serde(default, deserialize_with = "objects_only::object")]
    pub scores: InitiativeScores,
    /// Planned effort in person-days.
    #[serde(default)]
    pub effort_person_days: Option<u32>,
    /// The quarter it starts; `None` is unscheduled.
    #[serde(default)]
    pub start: Option<Quarter>,
    /// Duration in quarters; 0 is a milestone.
    #[serde(default = "default_duration_quarters")]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 0, max = 20)))]
    pub duration_quarters: u8,
    /// A pinned initiative stays where it is when the automatic plan runs.
    #[serde(default)]
    pub pinned: bool,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub cost_lines: Vec<CostLine>,
    /// Free tags such as "automation" or "AI".
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub goal_contributions: Vec<GoalContribution>,
    #[serde(default)]
    pub capability_ids: Vec<EntityId>,
    #[serde(default)]
    pub process_ids: Vec<EntityId>,
    /// Initiatives that must finish before this one (no cycles).
    #[serde(default)]
    pub depends_on_ids: Vec<EntityId>,
    #[serde(default)]
    pub owner_id: Option<EntityId>,
}
}

pub(crate) fn default_duration_quarters() -> u8 {
    1
}

stored_enum! {
/// What an IT spend item pays for.
pub enum SpendKind {
    Software,
    ServiceProvider,
    Infrastructure,
}
}

stored_type! {
/// A larger or smaller IT spend: a software subscription, a service provider, hardware.
pub struct SpendItem {
    pub id: EntityId,
    pub revision: u64,
    #[serde(with = "TimestampText")]
    pub modified: Timestamp,
    #[serde(default)]
    pub external_id: Option<String>,
    pub name: String,
    pub kind: SpendKind,
    #[serde(default)]
    pub vendor: String,
    #[serde(default, with = "OptionalDateText")]
    pub start_date: Option<CalendarDate>,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub cost_lines: Vec<CostLine>,
    #[serde(default)]
    pub owner_id: Option<EntityId>,
    #[serde(default)]
    pub process_ids: Vec<EntityId>,
    #[serde(default)]
    pub goal_ids: Vec<EntityId>,
    /// The initiative this spend belongs to, if any. Its cost is then counted once,
    /// here, and the initiative's processes and goals count for its alignment.
    #[serde(default)]
    pub initiative_id: Option<EntityId>,
}
}

stored_enum! {
/// What a review says about an active initiative.
pub enum InitiativeHealth {
    OnTrack,
    AtRisk,
    Late,
}
}

stored_type! {
/// The actual value of a KPI entered in a review.
pub struct ReviewKpiActual {
    pub kpi_id: EntityId,
    pub value: f64,
    #[serde(default)]
    pub note: String,
}
}

stored_type! {
/// A review's word on one initiative: its health and an optional status change.
pub struct ReviewInitiativeHealth {
    pub initiative_id: EntityId,
    pub health: InitiativeHealth,
    #[serde(default)]
    pub new_status: Option<InitiativeStatus>,
    #[serde(default)]
    pub note: String,
}
}

stored_type! {
/// Luftman's six alignment maturity criteria, each a level 1 (initial) to 5 (optimized).
#[derive(Default)]
pub struct LuftmanLevels {
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 5)))]
    pub communications: Option<u8>,
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 5)))]
    pub competency_value_measurement: Option<u8>,
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 5)))]
    pub governance: Option<u8>,
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 5)))]
    pub partnership: Option<u8>,
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 5)))]
    pub scope_and_architecture: Option<u8>,
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 5)))]
    pub skills: Option<u8>,
}
}

stored_type! {
/// Key figures frozen at the time of a review, for history and trend.
#[derive(Default)]
pub struct KeyFigureSnapshot {
    /// Alignment coverage in percent, when there is large spend to cover.
    #[serde(default)]
    pub alignment_coverage_percent: Option<f64>,
    #[serde(default)]
    pub total_yearly_cost_cents: MoneyCents,
    #[serde(default)]
    pub goal_count: u32,
    #[serde(default)]
    pub measurable_goal_count: u32,
    #[serde(default)]
    pub initiative_count: u32,
    #[serde(default)]
    pub finding_count: u32,
}
}

stored_type! {
/// A quarterly review: KPI actuals, initiative health, ratings, decisions.
pub struct Review {
    pub id: EntityId,
    pub revision: u64,
    #[serde(with = "TimestampText")]
    pub modified: Timestamp,
    #[serde(default)]
    pub external_id: Option<String>,
    pub quarter: Quarter,
    #[serde(with = "DateText")]
    pub date: CalendarDate,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub kpi_actuals: Vec<ReviewKpiActual>,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub initiative_health: Vec<ReviewInitiativeHealth>,
    /// User acceptance 1 to 5.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 5)))]
    pub user_acceptance: Option<u8>,
    /// Technical debt 1 to 5 (5 is the most debt).
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 5)))]
    pub technical_debt: Option<u8>,
    /// Security posture 1 to 5.
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 5)))]
    pub security_posture: Option<u8>,
    #[serde(default, deserialize_with = "objects_only::object")]
    pub luftman: LuftmanLevels,
    #[serde(default)]
    pub decisions: Vec<String>,
    #[serde(default)]
    pub next_steps: Vec<String>,
    /// Spend items whose links were checked in this review.
    #[serde(default)]
    pub confirmed_spend_item_ids: Vec<EntityId>,
    /// Initiatives whose links were checked in this review.
    #[serde(default)]
    pub confirmed_initiative_ids: Vec<EntityId>,
    #[serde(default, deserialize_with = "objects_only::object")]
    pub snapshot: KeyFigureSnapshot,
    #[serde(default)]
    pub notes: String,
}
}

stored_type! {
/// One participant's hidden estimate of an initiative in a workshop.
pub struct WorkshopEstimateVote {
    pub initiative_id: EntityId,
    /// 1-based number of the participant; names are optional and kept in the session.
    pub participant_number: u16,
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 10)))]
    pub value: Option<u8>,
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 10)))]
    pub effort: Option<u8>,
}
}

stored_enum! {
/// What a dot vote is placed on.
pub enum DotVoteTargetKind {
    Goal,
    Initiative,
}
}

stored_type! {
/// Dots one participant put on a goal or an initiative.
pub struct WorkshopDotVote {
    pub target_kind: DotVoteTargetKind,
    pub target_id: EntityId,
    pub participant_number: u16,
    pub dots: u8,
}
}

stored_type! {
/// The value and effort a workshop group accepted for an initiative.
pub struct WorkshopAcceptedEstimate {
    pub initiative_id: EntityId,
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 10)))]
    pub value: Option<u8>,
    #[serde(default)]
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 10)))]
    pub effort: Option<u8>,
    #[serde(default)]
    pub note: String,
}
}

stored_type! {
/// A workshop session with its votes and accepted results.
pub struct WorkshopSession {
    pub id: EntityId,
    pub revision: u64,
    #[serde(with = "TimestampText")]
    pub modified: Timestamp,
    #[serde(default)]
    pub external_id: Option<String>,
    pub title: String,
    #[serde(with = "DateText")]
    pub date: CalendarDate,
    /// Optional names, one per participant; anonymous sessions keep them empty.
    #[serde(default)]
    pub participant_names: Vec<String>,
    pub participant_count: u16,
    #[serde(default = "default_dots_per_participant")]
    pub dots_per_participant: u8,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub estimate_votes: Vec<WorkshopEstimateVote>,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub dot_votes: Vec<WorkshopDotVote>,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub accepted_estimates: Vec<WorkshopAcceptedEstimate>,
    #[serde(default)]
    pub decisions: Vec<String>,
}
}

pub(crate) fn default_dots_per_participant() -> u8 {
    3
}

stored_enum! {
/// The scoring framework that gives the priority score.
pub enum ScoringFramework {
    ValueEffort,
    Weighted,
    Wsjf,
    Rice,
}
}

stored_type! {
/// A criterion of weighted scoring, with its weight 0 to 100.
pub struct WeightedCriterion {
    pub id: EntityId,
    pub name: String,
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 0, max = 100)))]
    pub weight: u8,
}
}

stored_type! {
/// Renamed quadrant labels; `None` keeps the translated default.
#[derive(Default)]
pub struct QuadrantLabels {
    #[serde(default)]
    pub quick_win: Option<String>,
    #[serde(default)]
    pub platform_topic: Option<String>,
    #[serde(default)]
    pub fill_in: Option<String>,
    #[serde(default)]
    pub time_sink: Option<String>,
}
}

stored_type! {
/// The settings of a model.
pub struct Settings {
    /// Person-days available per quarter; `None` when not planned.
    #[serde(default)]
    pub capacity_person_days_per_quarter: Option<u32>,
    /// IT budget per year in cents; split evenly into quarters unless set per quarter.
    #[serde(default)]
    pub it_budget_cents_per_year: Option<MoneyCents>,
    /// Budget set for single quarters, overriding the even split.
    #[serde(default)]
    pub it_budget_cents_per_quarter: BTreeMap<Quarter, MoneyCents>,
    /// How many initiatives may run in one quarter.
    #[serde(default)]
    pub wip_limit: Option<u32>,
    /// Yearly cost at or above which an item is "larger" spend (default 1.000 EUR).
    pub large_spend_threshold_cents: MoneyCents,
    /// Years over which one-time cost is spread in yearly cost (default 3).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 30)))]
    pub useful_life_years: u8,
    /// Score at or above which value or effort is high (default 5.5).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 1, max = 10)))]
    pub quadrant_threshold: f64,
    #[serde(default, deserialize_with = "objects_only::object")]
    pub quadrant_labels: QuadrantLabels,
    pub scoring_framework: ScoringFramework,
    #[serde(default, deserialize_with = "objects_only::list_of_objects")]
    pub weighted_criteria: Vec<WeightedCriterion>,
    /// Roadmap horizon in quarters, 4 to 12.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = 4, max = 12)))]
    pub roadmap_horizon_quarters: u8,
    /// Whether value is derived from linked goals unless set by the user.
    #[serde(default)]
    pub derive_value_from_goals: bool,
}
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            capacity_person_days_per_quarter: None,
            it_budget_cents_per_year: None,
            it_budget_cents_per_quarter: BTreeMap::new(),
            wip_limit: None,
            large_spend_threshold_cents: 100_000,
            useful_life_years: 3,
            quadrant_threshold: 5.5,
            quadrant_labels: QuadrantLabels::default(),
            scoring_framework: ScoringFramework::ValueEffort,
            weighted_criteria: Vec::new(),
            roadmap_horizon_quarters: 8,
            derive_value_from_goals: false,
        }
    }
}

impl Model {
    /// A new, empty model. Id and time come from the edge, so the core stays
    /// deterministic.
    pub fn empty(id: EntityId, title: String, planning_start: Quarter, now: Timestamp) -> Model {
        Model {
            id,
            title,
            organization: String::new(),
            currency: "EUR".to_string(),
            planning_start,
            revision: 0,
            modified: now,
            settings: Settings::default(),
            people: Vec::new(),
            goals: Vec::new(),
            kpis: Vec::new(),
            processes: Vec::new(),
            capabilities: Vec::new(),
            data_objects: Vec::new(),
            initiatives: Vec::new(),
            spend_items: Vec::new(),
            reviews: Vec::new(),
            workshop_sessions: Vec::new(),
            tombstones: Vec::new(),
            merged_export_ids: Vec::new(),
        }
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|person| person.id == id)
    }

    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goals.iter().find(|goal| goal.id == id)
    }

    pub fn kpi(&self, id: &str) -> Option<&Kpi> {
        self.kpis.iter().find(|kpi| kpi.id == id)
    }

    pub fn process(&self, id: &str) -> Option<&BusinessProcess> {
        self.processes.iter().find(|process| process.id == id)
    }

    pub fn capability(&self, id: &str) -> Option<&Capability> {
        self.capabilities
            .iter()
            .find(|capability| capability.id == id)
    }

    pub fn data_object(&self, id: &str) -> Option<&DataObject> {
        self.data_objects
            .iter()
            .find(|data_object| data_object.id == id)
    }

    pub fn initiative(&self, id: &str) -> Option<&Initiative> {
        self.initiatives
            .iter()
            .find(|initiative| initiative.id == id)
    }

    pub fn spend_item(&self, id: &str) -> Option<&SpendItem> {
        self.spend_items
            .iter()
            .find(|spend_item| spend_item.id == id)
    }

    pub fn review(&self, id: &str) -> Option<&Review> {
        self.reviews.iter().find(|review| review.id == id)
    }

    pub fn workshop_session(&self, id: &str) -> Option<&WorkshopSession> {
        self.workshop_sessions
            .iter()
            .find(|session| session.id == id)
    }

    /// The KPIs that belong to a goal, in model order.
    pub fn kpis_of_goal<'model>(
        &'model self,
        goal_id: &'model str,
    ) -> impl Iterator<Item = &'model Kpi> + 'model {
        self.kpis.iter().filter(move |kpi| kpi.goal_id == goal_id)
    }

    /// How many entities of each kind, for the import preview and the overview.
    pub fn entity_count(&self, kind: EntityKind) -> usize {
        match kind {
            EntityKind::Person => self.people.len(),
            EntityKind::Goal => self.goals.len(),
            EntityKind::Kpi => self.kpis.len(),
            EntityKind::BusinessProcess => self.processes.len(),
            EntityKind::Capability => self.capabilities.len(),
            EntityKind::DataObject => self.data_objects.len(),
            EntityKind::Initiative => self.initiatives.len(),
            EntityKind::SpendItem => self.spend_items.len(),
            EntityKind::Review => self.reviews.len(),
            EntityKind::WorkshopSession => self.workshop_sessions.len(),
        }
    }
}

// Blank entities.
//
// One constructor per entity kind builds a new entity with every optional field
// empty and every required field at its documented default, so there is exactly one
// place that knows what a freshly created entity looks like: the UI forms, the import
// and the test fixtures all start from here and set only what they care about. Ids
// and the time come from the edge (a UUIDv4 and the clock live in the browser), so
// the constructors take them as arguments and the core stays deterministic. A new
// entity starts at revision 0 with `modified` set to `now` and no external id.

impl Person {
    /// A new person with only a name: no roles, no email.
    pub fn blank(id: EntityId, name: String, now: Timestamp) -> Person {
        Person {
            id,
            revision: 0,
            modified: now,
            external_id: None,
            name,
            roles: Vec::new(),
            email: None,
        }
    }
}

impl Goal {
    /// A new goal with only a title, at the middle weight 3 and with no owner,
    /// horizon, COBIT goal or tags.
    pub fn blank(id: EntityId, title: String, now: Timestamp) -> Goal {
        Goal {
            id,
            revision: 0,
            modified: now,
            external_id: None,
            title,
            statement: String::new(),
            weight: 3,
            horizon: None,
            owner_id: None,
            cobit_goal: None,
            tags: Vec::new(),
        }
    }
}

impl Kpi {
    /// A new KPI of a goal, measured upwards (`Increase`), with no baseline, target
    /// or measurements yet.
    pub fn blank(id: EntityId, goal_id: EntityId, name: String, now: Timestamp) -> Kpi {
        Kpi {
            id,
            revision: 0,
            modified: now,
            external_id: None,
            goal_id,
            name,
            unit: String::new(),
            direction: KpiDirection::Increase,
            baseline: None,
            baseline_date: None,
            target: None,
            target_date: None,
            measurements: Vec::new(),
            data_source: String::new(),
            owner_id: None,
        }
    }
}

impl BusinessProcess {
    /// A new business process with only a name.
    pub fn blank(id: EntityId, name: String, now: Timestamp) -> BusinessProcess {
        BusinessProcess {
            id,
            revision: 0,
            modified: now,
            external_id: None,
            name,
            description: String::new(),
            owner_id: None,
        }
    }
}

impl Capability {
    /// A new capability of a kind, at current maturity 1 (initial) aiming for 3
    /// (defined), with no fit ratings, owner or links.
    pub fn blank(id: EntityId, name: String, kind: CapabilityKind, now: Timestamp) -> Capability {
        Capability {
            id,
            revision: 0,
            modified: now,
            external_id: None,
            name,
            description: String::new(),
            kind,
            current_maturity: 1,
            target_maturity: 3,
            business_fit: None,
            technical_fit: None,
            owner_id: None,
            goal_ids: Vec::new(),
            process_ids: Vec::new(),
            data_object_ids: Vec::new(),
        }
    }
}

impl DataObject {
    /// A new data object with only a name: no data owner, no quality rating.
    pub fn blank(id: EntityId, name: String, now: Timestamp) -> DataObject {
        DataObject {
            id,
            revision: 0,
            modified: now,
            external_id: None,
            name,
            description: String::new(),
            data_owner_id: None,
            quality_rating: None,
        }
    }
}

impl Initiative {
    /// A new initiative in status `Idea`, unscored, unscheduled, lasting the default
    /// one quarter, with no costs and no links.
    pub fn blank(id: EntityId, title: String, now: Timestamp) -> Initiative {
        Initiative {
            id,
            revision: 0,
            modified: now,
            external_id: None,
            title,
            description: String::new(),
            status: InitiativeStatus::Idea,
            scores: InitiativeScores::default(),
            effort_person_days: None,
            start: None,
            duration_quarters: default_duration_quarters(),
            pinned: false,
            cost_lines: Vec::new(),
            tags: Vec::new(),
            goal_contributions: Vec::new(),
            capability_ids: Vec::new(),
            process_ids: Vec::new(),
            depends_on_ids: Vec::new(),
            owner_id: None,
        }
    }
}

impl SpendItem {
    /// A new spend item of a kind, with no vendor, start date, costs or links.
    pub fn blank(id: EntityId, name: String, kind: SpendKind, now: Timestamp) -> SpendItem {
        SpendItem {
            id,
            revision: 0,
            modified: now,
            external_id: None,
            name,
            kind,
            vendor: String::new(),
            start_date: None,
            cost_lines: Vec::new(),
            owner_id: None,
            process_ids: Vec::new(),
            goal_ids: Vec::new(),
            initiative_id: None,
        }
    }
}

impl Review {
    /// A new review of a quarter held on a date, with nothing recorded yet and an
    /// empty key figure snapshot.
    pub fn blank(id: EntityId, quarter: Quarter, date: CalendarDate, now: Timestamp) -> Review {
        Review {
            id,
            revision: 0,
            modified: now,
            external_id: None,
            quarter,
            date,
            kpi_actuals: Vec::new(),
            initiative_health: Vec::new(),
            user_acceptance: None,
            technical_debt: None,
            security_posture: None,
            luftman: LuftmanLevels::default(),
            decisions: Vec::new(),
            next_steps: Vec::new(),
            confirmed_spend_item_ids: Vec::new(),
            confirmed_initiative_ids: Vec::new(),
            snapshot: KeyFigureSnapshot::default(),
            notes: String::new(),
        }
    }
}

impl WorkshopSession {
    /// A new workshop session on a date, with no participants yet, the default
    /// number of dots per participant and no votes.
    pub fn blank(
        id: EntityId,
        title: String,
        date: CalendarDate,
        now: Timestamp,
    ) -> WorkshopSession {
        WorkshopSession {
            id,
            revision: 0,
            modified: now,
            external_id: None,
            title,
            date,
            participant_names: Vec::new(),
            participant_count: 0,
            dots_per_participant: default_dots_per_participant(),
            estimate_votes: Vec::new(),
            dot_votes: Vec::new(),
            accepted_estimates: Vec::new(),
            decisions: Vec::new(),
        }
    }
}

impl CostLine {
    /// A new cost line of a category with both amounts at zero. Cost lines live
    /// inside an initiative or spend item, so they carry no revision or time.
    pub fn blank(id: EntityId, category: CostCategory) -> CostLine {
        CostLine {
            id,
            category,
            description: String::new(),
            one_time_cents: 0,
            running_cents_per_year: 0,
        }
    }
}
