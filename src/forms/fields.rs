//! The fields of every form, and how each entity is read into drafts and written back.
//!
//! Each kind has a static list of [`FieldSpec`]s and a pair of functions, `read_*` and
//! `write_*`, that visit the same fields in the same order. A native test reads every
//! entity of the sample models and writes it back unchanged, which catches a field list
//! and a function that disagree.

use super::draft_io::{DraftReader, DraftWriter, ReadsTexts};
use super::{
    ChoiceOption, FieldDraft, FieldInput, FieldProblem, FieldSpec, FormContext, FormProblems,
    FormSubject, RowColumn, RowDraft,
};
use crate::i18n::Text;
use crate::model::commands::{Command, Entity};
use crate::model::validation::{
    CONFIDENCE_PERCENT_RANGE, CONTRIBUTION_STRENGTH_RANGE, CRITERION_SCORE_RANGE,
    CRITERION_WEIGHT_RANGE, DATA_QUALITY_RANGE, DURATION_QUARTERS_RANGE, EFFORT_PERSON_DAYS_RANGE,
    FIT_RANGE, GOAL_WEIGHT_RANGE, MATURITY_RANGE, QUADRANT_THRESHOLD_RANGE, REVIEW_RATING_RANGE,
    RISK_RANGE, SCORE_RANGE, USEFUL_LIFE_YEARS_RANGE, WIP_LIMIT_RANGE,
};
use crate::model::*;

/// Widens a `u8` validation range for the integer inputs.
fn range_of(range: std::ops::RangeInclusive<u8>) -> std::ops::RangeInclusive<i64> {
    i64::from(*range.start())..=i64::from(*range.end())
}

const fn field(key: &'static str, label: Text, input: FieldInput) -> FieldSpec {
    FieldSpec {
        key,
        label,
        input,
        required: false,
        hint: None,
    }
}

const fn required_field(key: &'static str, label: Text, input: FieldInput) -> FieldSpec {
    FieldSpec {
        key,
        label,
        input,
        required: true,
        hint: None,
    }
}

const fn hinted(mut spec: FieldSpec, hint: Text) -> FieldSpec {
    spec.hint = Some(hint);
    spec
}

const fn option(code: &'static str, label: Text) -> ChoiceOption {
    ChoiceOption { code, label }
}

const fn integer(minimum: i64, maximum: i64) -> FieldInput {
    FieldInput::Integer { minimum, maximum }
}

// ---------------------------------------------------------------------------------
// Choices
// ---------------------------------------------------------------------------------

pub const ROLE_OPTIONS: &[ChoiceOption] = &[
    option("management", Text::RoleManagement),
    option("product_owner", Text::RoleProductOwner),
    option("process_owner", Text::RoleProcessOwner),
    option("data_owner", Text::RoleDataOwner),
    option("it_provider", Text::RoleItProvider),
];
const ROLE_VALUES: &[PersonRole] = &[
    PersonRole::Management,
    PersonRole::ProductOwner,
    PersonRole::ProcessOwner,
    PersonRole::DataOwner,
    PersonRole::ItProvider,
];

pub const DIRECTION_OPTIONS: &[ChoiceOption] = &[
    option("increase", Text::DirectionIncrease),
    option("decrease", Text::DirectionDecrease),
];
const DIRECTION_VALUES: &[KpiDirection] = &[KpiDirection::Increase, KpiDirection::Decrease];

pub const CAPABILITY_KIND_OPTIONS: &[ChoiceOption] = &[
    option("system", Text::CapabilityKindSystem),
    option("data", Text::CapabilityKindData),
    option("interface", Text::CapabilityKindInterface),
    option("infrastructure", Text::CapabilityKindInfrastructure),
];
const CAPABILITY_KIND_VALUES: &[CapabilityKind] = &[
    CapabilityKind::System,
    CapabilityKind::Data,
    CapabilityKind::Interface,
    CapabilityKind::Infrastructure,
];

pub const STATUS_OPTIONS: &[ChoiceOption] = &[
    option("idea", Text::StatusIdea),
    option("planned", Text::StatusPlanned),
    option("active", Text::StatusActive),
    option("done", Text::StatusDone),
    option("stopped", Text::StatusStopped),
];

pub const COST_CATEGORY_OPTIONS: &[ChoiceOption] = &[
    option("acquisition", Text::CostAcquisition),
    option("operation", Text::CostOperation),
    option("training", Text::CostTraining),
    option("change", Text::CostChange),
    option("security", Text::CostSecurity),
];

pub const SPEND_KIND_OPTIONS: &[ChoiceOption] = &[
    option("software", Text::SpendKindSoftware),
    option("service_provider", Text::SpendKindServiceProvider),
    option("infrastructure", Text::SpendKindInfrastructure),
];
const SPEND_KIND_VALUES: &[SpendKind] = &[
    SpendKind::Software,
    SpendKind::ServiceProvider,
    SpendKind::Infrastructure,
];

pub const COBIT_OPTIONS: &[ChoiceOption] = &[
    option("EG01", Text::Cobit01),
    option("EG02", Text::Cobit02),
    option("EG03", Text::Cobit03),
    option("EG04", Text::Cobit04),
    option("EG05", Text::Cobit05),
    option("EG06", Text::Cobit06),
    option("EG07", Text::Cobit07),
    option("EG08", Text::Cobit08),
    option("EG09", Text::Cobit09),
    option("EG10", Text::Cobit10),
    option("EG11", Text::Cobit11),
    option("EG12", Text::Cobit12),
    option("EG13", Text::Cobit13),
];

/// The label of a choice code, for lists.
pub fn choice_label(options: &[ChoiceOption], all_position: usize) -> Text {
    options
        .get(all_position)
        .map_or(Text::RequiredField, |option| option.label)
}

// ---------------------------------------------------------------------------------
// Row tables
// ---------------------------------------------------------------------------------

const fn column(key: &'static str, label: Text, input: FieldInput, required: bool) -> RowColumn {
    RowColumn {
        key,
        label,
        input,
        required,
    }
}

pub const MEASUREMENT_COLUMNS: &[RowColumn] = &[
    column("quarter", Text::FieldQuarter, FieldInput::Quarter, true),
    column("value", Text::FieldValue, FieldInput::Decimal, true),
    column("note", Text::FieldNote, FieldInput::Text, false),
];

/// The scoring frameworks in the order the settings offer them.
pub const SCORING_FRAMEWORK_OPTIONS: &[ChoiceOption] = &[
    option("value_effort", Text::FrameworkValueEffort),
    option("weighted", Text::FrameworkWeighted),
    option("wsjf", Text::FrameworkWsjf),
    option("rice", Text::FrameworkRice),
];
const SCORING_FRAMEWORK_VALUES: &[ScoringFramework] = &[
    ScoringFramework::ValueEffort,
    ScoringFramework::Weighted,
    ScoringFramework::Wsjf,
    ScoringFramework::Rice,
];

/// The largest RICE reach a form accepts: the field and the writer share it, so the
/// hint and the check agree.
const RICE_REACH_MAXIMUM: i64 = 1_000_000_000;

/// The RICE impact steps of DESIGN.md section 3, largest first, as people name them.
pub const RICE_IMPACT_OPTIONS: &[ChoiceOption] = &[
    option("3", Text::RiceImpactMassive),
    option("2", Text::RiceImpactHigh),
    option("1", Text::RiceImpactMedium),
    option("0.5", Text::RiceImpactLow),
    option("0.25", Text::RiceImpactMinimal),
];
const RICE_IMPACT_OPTION_VALUES: &[f64] = &[3.0, 2.0, 1.0, 0.5, 0.25];

/// The single checkbox of "derive value from goals".
const DERIVE_VALUE_OPTIONS: &[ChoiceOption] = &[option("derive", Text::DeriveValueOption)];

pub const CRITERION_COLUMNS: &[RowColumn] = &[
    column("name", Text::FieldCriterionName, FieldInput::Text, true),
    column("weight", Text::FieldCriterionWeight, integer(0, 100), true),
];

/// One score per weighted criterion: the row is the criterion (its id in `row_id`),
/// the one cell its score.
pub const CRITERION_SCORE_COLUMNS: &[RowColumn] = &[column(
    "score",
    Text::FieldCriterionScore,
    integer(1, 5),
    true,
)];

pub const CONTRIBUTION_COLUMNS: &[RowColumn] = &[
    column(
        "goal",
        Text::FieldGoal,
        FieldInput::Reference(EntityKind::Goal),
        true,
    ),
    column("strength", Text::FieldStrength, integer(1, 3), true),
];

pub const COST_LINE_COLUMNS: &[RowColumn] = &[
    column(
        "category",
        Text::FieldCategory,
        FieldInput::Choice(COST_CATEGORY_OPTIONS),
        true,
    ),
    column(
        "description",
        Text::FieldDescription,
        FieldInput::Text,
        false,
    ),
    column("one-time", Text::FieldOneTimeCost, FieldInput::Money, false),
    column("running", Text::FieldRunningCost, FieldInput::Money, false),
];

pub const KPI_ACTUAL_COLUMNS: &[RowColumn] = &[
    column(
        "kpi",
        Text::FieldKpi,
        FieldInput::Reference(EntityKind::Kpi),
        true,
    ),
    column("value", Text::FieldValue, FieldInput::Decimal, true),
    column("note", Text::FieldNote, FieldInput::Text, false),
];

// ---------------------------------------------------------------------------------
// Field lists
// ---------------------------------------------------------------------------------

const OWNER: FieldSpec = field(
    "owner",
    Text::FieldOwner,
    FieldInput::Reference(EntityKind::Person),
);
const DESCRIPTION: FieldSpec = field("description", Text::FieldDescription, FieldInput::LongText);
const NAME: FieldSpec = required_field("name", Text::FieldName, FieldInput::Text);
const TITLE: FieldSpec = required_field("title", Text::FieldTitle, FieldInput::Text);
const GOALS: FieldSpec = field(
    "goals",
    Text::FieldGoals,
    FieldInput::References(EntityKind::Goal),
);
const PROCESSES: FieldSpec = field(
    "processes",
    Text::FieldProcesses,
    FieldInput::References(EntityKind::BusinessProcess),
);
const COST_LINES: FieldSpec = hinted(
    field(
        "cost-lines",
        Text::FieldCostLines,
        FieldInput::Rows(COST_LINE_COLUMNS),
    ),
    Text::HintCostLines,
);

pub const PERSON_FIELDS: &[FieldSpec] = &[
    NAME,
    field(
        "roles",
        Text::FieldRoles,
        FieldInput::ChoiceSet(ROLE_OPTIONS),
    ),
    field("email", Text::FieldEmail, FieldInput::Email),
];

pub const GOAL_FIELDS: &[FieldSpec] = &[
    hinted(TITLE, Text::HintGoalTitle),
    hinted(
        field("statement", Text::FieldStatement, FieldInput::LongText),
        Text::HintGoalStatement,
    ),
    hinted(
        required_field("weight", Text::FieldWeight, integer(1, 5)),
        Text::HintWeight,
    ),
    field("horizon", Text::FieldHorizon, FieldInput::Quarter),
    hinted(OWNER, Text::HintGoalOwner),
    field(
        "cobit",
        Text::FieldCobitGoal,
        FieldInput::Choice(COBIT_OPTIONS),
    ),
    field("tags", Text::FieldTags, FieldInput::Tags),
];

pub const KPI_FIELDS: &[FieldSpec] = &[
    required_field(
        "goal",
        Text::FieldGoal,
        FieldInput::Reference(EntityKind::Goal),
    ),
    hinted(NAME, Text::HintKpiName),
    field("unit", Text::FieldUnit, FieldInput::Text),
    required_field(
        "direction",
        Text::FieldDirection,
        FieldInput::Choice(DIRECTION_OPTIONS),
    ),
    field("baseline", Text::FieldBaseline, FieldInput::Decimal),
    field("baseline-date", Text::FieldBaselineDate, FieldInput::Date),
    field("target", Text::FieldTarget, FieldInput::Decimal),
    field("target-date", Text::FieldTargetDate, FieldInput::Date),
    field("data-source", Text::FieldDataSource, FieldInput::Text),
    OWNER,
    hinted(
        field(
            "measurements",
            Text::FieldMeasurements,
            FieldInput::Rows(MEASUREMENT_COLUMNS),
        ),
        Text::HintMeasurements,
    ),
];

pub const PROCESS_FIELDS: &[FieldSpec] =
    &[NAME, DESCRIPTION, hinted(OWNER, Text::HintProcessOwner)];

pub const CAPABILITY_FIELDS: &[FieldSpec] = &[
    hinted(NAME, Text::HintCapabilityName),
    DESCRIPTION,
    required_field(
        "kind",
        Text::FieldCapabilityKind,
        FieldInput::Choice(CAPABILITY_KIND_OPTIONS),
    ),
    required_field(
        "current-maturity",
        Text::FieldCurrentMaturity,
        integer(1, 5),
    ),
    required_field("target-maturity", Text::FieldTargetMaturity, integer(1, 5)),
    field("business-fit", Text::FieldBusinessFit, integer(1, 10)),
    field("technical-fit", Text::FieldTechnicalFit, integer(1, 10)),
    OWNER,
    GOALS,
    PROCESSES,
    field(
        "data-objects",
        Text::FieldDataObjects,
        FieldInput::References(EntityKind::DataObject),
    ),
];

pub const DATA_OBJECT_FIELDS: &[FieldSpec] = &[
    NAME,
    DESCRIPTION,
    field(
        "data-owner",
        Text::FieldDataOwner,
        FieldInput::Reference(EntityKind::Person),
    ),
    hinted(
        field("quality", Text::FieldDataQuality, integer(1, 5)),
        Text::HintDataQuality,
    ),
];

pub const INITIATIVE_FIELDS: &[FieldSpec] = &[
    TITLE,
    DESCRIPTION,
    required_field(
        "status",
        Text::FieldStatus,
        FieldInput::Choice(STATUS_OPTIONS),
    ),
    OWNER,
    hinted(
        field("value", Text::FieldValueScore, integer(1, 10)),
        Text::HintValueScore,
    ),
    hinted(
        field("effort", Text::FieldEffortScore, integer(1, 10)),
        Text::HintEffortScore,
    ),
    field("risk", Text::FieldRisk, integer(1, 5)),
    hinted(
        field(
            "time-criticality",
            Text::FieldTimeCriticality,
            integer(1, 10),
        ),
        Text::HintWsjfInputs,
    ),
    field("risk-reduction", Text::FieldRiskReduction, integer(1, 10)),
    hinted(
        field(
            "rice-reach",
            Text::FieldRiceReach,
            integer(0, RICE_REACH_MAXIMUM),
        ),
        Text::HintRiceInputs,
    ),
    field(
        "rice-impact",
        Text::FieldRiceImpact,
        FieldInput::Choice(RICE_IMPACT_OPTIONS),
    ),
    field(
        "rice-confidence",
        Text::FieldRiceConfidence,
        integer(0, 100),
    ),
    hinted(
        field(
            "criterion-scores",
            Text::FieldCriterionScores,
            FieldInput::CriterionScores,
        ),
        Text::HintCriterionScores,
    ),
    field("person-days", Text::FieldPersonDays, integer(0, 1_000_000)),
    field("start", Text::FieldStart, FieldInput::Quarter),
    required_field("duration", Text::FieldDuration, integer(0, 20)),
    field("tags", Text::FieldTags, FieldInput::Tags),
    hinted(
        field(
            "contributions",
            Text::FieldContributions,
            FieldInput::Rows(CONTRIBUTION_COLUMNS),
        ),
        Text::HintContributions,
    ),
    field(
        "capabilities",
        Text::FieldCapabilities,
        FieldInput::References(EntityKind::Capability),
    ),
    PROCESSES,
    field(
        "depends-on",
        Text::FieldDependsOn,
        FieldInput::References(EntityKind::Initiative),
    ),
    COST_LINES,
];

pub const SPEND_ITEM_FIELDS: &[FieldSpec] = &[
    NAME,
    required_field(
        "kind",
        Text::FieldSpendKind,
        FieldInput::Choice(SPEND_KIND_OPTIONS),
    ),
    field("vendor", Text::FieldVendor, FieldInput::Text),
    field("start-date", Text::FieldStartDate, FieldInput::Date),
    OWNER,
    hinted(PROCESSES, Text::HintSpendLinks),
    GOALS,
    field(
        "initiative",
        Text::FieldInitiative,
        FieldInput::Reference(EntityKind::Initiative),
    ),
    COST_LINES,
];

pub const REVIEW_FIELDS: &[FieldSpec] = &[
    required_field("quarter", Text::FieldQuarter, FieldInput::Quarter),
    required_field("date", Text::FieldReviewDate, FieldInput::Date),
    field(
        "kpi-actuals",
        Text::FieldKpiActuals,
        FieldInput::Rows(KPI_ACTUAL_COLUMNS),
    ),
    field("user-acceptance", Text::FieldUserAcceptance, integer(1, 5)),
    field("technical-debt", Text::FieldTechnicalDebt, integer(1, 5)),
    field(
        "security-posture",
        Text::FieldSecurityPosture,
        integer(1, 5),
    ),
    hinted(
        field("decisions", Text::FieldDecisions, FieldInput::Lines),
        Text::HintOnePerLine,
    ),
    hinted(
        field("next-steps", Text::FieldNextSteps, FieldInput::Lines),
        Text::HintOnePerLine,
    ),
    field("notes", Text::FieldNotes, FieldInput::LongText),
];

pub const MODEL_SETTINGS_FIELDS: &[FieldSpec] = &[
    required_field("model-title", Text::ModelTitleLabel, FieldInput::Text),
    field(
        "model-organization",
        Text::OrganizationLabel,
        FieldInput::Text,
    ),
    hinted(
        required_field("currency", Text::FieldCurrency, FieldInput::Text),
        Text::HintCurrency,
    ),
    hinted(
        required_field(
            "planning-start",
            Text::FieldPlanningStart,
            FieldInput::Quarter,
        ),
        Text::HintPlanningStart,
    ),
    field("capacity", Text::FieldCapacity, integer(1, 1_000_000)),
    field("it-budget", Text::FieldItBudget, FieldInput::Money),
    hinted(
        field("wip-limit", Text::FieldWipLimit, integer(1, 10_000)),
        Text::HintWipLimit,
    ),
    hinted(
        required_field(
            "large-spend-threshold",
            Text::FieldLargeSpendThreshold,
            FieldInput::Money,
        ),
        Text::HintLargeSpendThreshold,
    ),
    hinted(
        required_field("useful-life", Text::FieldUsefulLife, integer(1, 30)),
        Text::HintUsefulLife,
    ),
    required_field(
        "quadrant-threshold",
        Text::FieldQuadrantThreshold,
        FieldInput::Decimal,
    ),
    hinted(
        field("label-quick-win", Text::QuadrantQuickWin, FieldInput::Text),
        Text::HintQuadrantLabel,
    ),
    field(
        "label-platform-topic",
        Text::QuadrantPlatformTopic,
        FieldInput::Text,
    ),
    field("label-fill-in", Text::QuadrantFillIn, FieldInput::Text),
    field("label-time-sink", Text::QuadrantTimeSink, FieldInput::Text),
    hinted(
        required_field(
            "scoring-framework",
            Text::FieldScoringFramework,
            FieldInput::Choice(SCORING_FRAMEWORK_OPTIONS),
        ),
        Text::HintScoringFramework,
    ),
    hinted(
        field(
            "weighted-criteria",
            Text::FieldWeightedCriteria,
            FieldInput::Rows(CRITERION_COLUMNS),
        ),
        Text::HintWeightedCriteria,
    ),
    hinted(
        field(
            "derive-value",
            Text::FieldDeriveValue,
            FieldInput::ChoiceSet(DERIVE_VALUE_OPTIONS),
        ),
        Text::HintDeriveValue,
    ),
];

/// Whether a field of a form applies under the model's settings: the inputs of a
/// scoring framework show only while that framework gives the priority score, so the
/// initiative form asks for what counts. Hidden fields keep their values.
pub fn field_applies(spec: &FieldSpec, settings: &Settings) -> bool {
    let framework = match spec.key {
        "time-criticality" | "risk-reduction" => ScoringFramework::Wsjf,
        "rice-reach" | "rice-impact" | "rice-confidence" => ScoringFramework::Rice,
        "criterion-scores" => ScoringFramework::Weighted,
        _ => return true,
    };
    settings.scoring_framework == framework
}

/// The fields of an entity kind. Workshop sessions are edited by the workshop screen
/// of a later issue and have no plain form.
pub fn entity_field_specs(kind: EntityKind) -> &'static [FieldSpec] {
    match kind {
        EntityKind::Person => PERSON_FIELDS,
        EntityKind::Goal => GOAL_FIELDS,
        EntityKind::Kpi => KPI_FIELDS,
        EntityKind::BusinessProcess => PROCESS_FIELDS,
        EntityKind::Capability => CAPABILITY_FIELDS,
        EntityKind::DataObject => DATA_OBJECT_FIELDS,
        EntityKind::Initiative => INITIATIVE_FIELDS,
        EntityKind::SpendItem => SPEND_ITEM_FIELDS,
        EntityKind::Review => REVIEW_FIELDS,
        EntityKind::WorkshopSession => &[],
    }
}

// ---------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------

/// The entity a form edits: the existing one, or a blank one for a new entity.
fn subject_entity(
    model: &Model,
    kind: EntityKind,
    existing_id: Option<&str>,
    preset_goal_id: Option<&EntityId>,
    context: &FormContext,
) -> Option<Entity> {
    let Some(id) = existing_id else {
        return Some(blank_entity(model, kind, preset_goal_id, context));
    };
    let entity = match kind {
        EntityKind::Person => Entity::Person(model.person(id)?.clone()),
        EntityKind::Goal => Entity::Goal(model.goal(id)?.clone()),
        EntityKind::Kpi => Entity::Kpi(model.kpi(id)?.clone()),
        EntityKind::BusinessProcess => Entity::BusinessProcess(model.process(id)?.clone()),
        EntityKind::Capability => Entity::Capability(model.capability(id)?.clone()),
        EntityKind::DataObject => Entity::DataObject(model.data_object(id)?.clone()),
        EntityKind::Initiative => Entity::Initiative(model.initiative(id)?.clone()),
        EntityKind::SpendItem => Entity::SpendItem(model.spend_item(id)?.clone()),
        EntityKind::Review => Entity::Review(model.review(id)?.clone()),
        EntityKind::WorkshopSession => Entity::WorkshopSession(model.workshop_session(id)?.clone()),
    };
    Some(entity)
}

/// A new entity with the defaults a form starts from. Its id is made only when the
/// form is saved, so opening and cancelling a form uses no id.
fn blank_entity(
    model: &Model,
    kind: EntityKind,
    preset_goal_id: Option<&EntityId>,
    context: &FormContext,
) -> Entity {
    let now = context.now;
    let id = String::new();
    match kind {
        EntityKind::Person => Entity::Person(Person::blank(id, String::new(), now)),
        EntityKind::Goal => Entity::Goal(Goal::blank(id, String::new(), now)),
        EntityKind::Kpi => {
            let goal_id = preset_goal_id
                .cloned()
                .or_else(|| (model.goals.len() == 1).then(|| model.goals[0].id.clone()))
                .unwrap_or_default();
            Entity::Kpi(Kpi::blank(id, goal_id, String::new(), now))
        }
        EntityKind::BusinessProcess => {
            Entity::BusinessProcess(BusinessProcess::blank(id, String::new(), now))
        }
        EntityKind::Capability => Entity::Capability(Capability::blank(
            id,
            String::new(),
            CapabilityKind::System,
            now,
        )),
        EntityKind::DataObject => Entity::DataObject(DataObject::blank(id, String::new(), now)),
        EntityKind::Initiative => Entity::Initiative(Initiative::blank(id, String::new(), now)),
        EntityKind::SpendItem => Entity::SpendItem(SpendItem::blank(
            id,
            String::new(),
            SpendKind::Software,
            now,
        )),
        EntityKind::Review => {
            let quarter = Quarter::containing(context.today);
            Entity::Review(Review::blank(id, quarter, context.today, now))
        }
        EntityKind::WorkshopSession => Entity::WorkshopSession(WorkshopSession::blank(
            id,
            String::new(),
            context.today,
            now,
        )),
    }
}

pub(super) fn read_subject(
    model: &Model,
    subject: &FormSubject,
    context: &FormContext,
) -> Option<Vec<FieldDraft>> {
    let mut reader = DraftReader::new(context.language);
    match subject {
        FormSubject::ModelSettings => read_model_settings(&mut reader, model),
        FormSubject::Entity {
            kind,
            existing_id,
            preset_goal_id,
        } => {
            let entity = subject_entity(
                model,
                *kind,
                existing_id.as_deref(),
                preset_goal_id.as_ref(),
                context,
            )?;
            read_entity(&mut reader, &entity, &model.settings);
        }
    }
    Some(reader.drafts)
}

fn read_entity(reader: &mut DraftReader, entity: &Entity, settings: &Settings) {
    match entity {
        Entity::Person(person) => {
            reader.text(&person.name);
            reader.choice_set(&person.roles, ROLE_OPTIONS, ROLE_VALUES);
            reader.optional_text(&person.email);
        }
        Entity::Goal(goal) => {
            reader.text(&goal.title);
            reader.text(&goal.statement);
            reader.integer(Some(i64::from(goal.weight)));
            reader.quarter(goal.horizon);
            reader.reference(&goal.owner_id);
            reader.choice(
                goal.cobit_goal.as_ref(),
                COBIT_OPTIONS,
                &CobitEnterpriseGoal::ALL,
            );
            reader.tags(&goal.tags);
        }
        Entity::Kpi(kpi) => {
            reader.text(&kpi.goal_id);
            reader.text(&kpi.name);
            reader.text(&kpi.unit);
            reader.choice(Some(&kpi.direction), DIRECTION_OPTIONS, DIRECTION_VALUES);
            reader.decimal(kpi.baseline);
            reader.date(kpi.baseline_date);
            reader.decimal(kpi.target);
            reader.date(kpi.target_date);
            reader.text(&kpi.data_source);
            reader.reference(&kpi.owner_id);
            let language = reader.language;
            let rows = kpi
                .measurements
                .iter()
                .map(|measurement| RowDraft {
                    row_id: String::new(),
                    cells: vec![
                        super::quarter_display_text(measurement.quarter),
                        decimal_cell(measurement.value, language),
                        measurement.note.clone(),
                    ],
                })
                .collect();
            reader.rows(rows);
        }
        Entity::BusinessProcess(process) => {
            reader.text(&process.name);
            reader.text(&process.description);
            reader.reference(&process.owner_id);
        }
        Entity::Capability(capability) => {
            reader.text(&capability.name);
            reader.text(&capability.description);
            reader.choice(
                Some(&capability.kind),
                CAPABILITY_KIND_OPTIONS,
                CAPABILITY_KIND_VALUES,
            );
            reader.integer(Some(i64::from(capability.current_maturity)));
            reader.integer(Some(i64::from(capability.target_maturity)));
            reader.integer(capability.business_fit.map(i64::from));
            reader.integer(capability.technical_fit.map(i64::from));
            reader.reference(&capability.owner_id);
            reader.references(&capability.goal_ids);
            reader.references(&capability.process_ids);
            reader.references(&capability.data_object_ids);
        }
        Entity::DataObject(data_object) => {
            reader.text(&data_object.name);
            reader.text(&data_object.description);
            reader.reference(&data_object.data_owner_id);
            reader.integer(data_object.quality_rating.map(i64::from));
        }
        Entity::Initiative(initiative) => {
            reader.text(&initiative.title);
            reader.text(&initiative.description);
            reader.choice(
                Some(&initiative.status),
                STATUS_OPTIONS,
                &InitiativeStatus::ALL,
            );
            reader.reference(&initiative.owner_id);
            reader.integer(initiative.scores.value.map(i64::from));
            reader.integer(initiative.scores.effort.map(i64::from));
            let scores = &initiative.scores;
            reader.integer(scores.risk.map(i64::from));
            reader.integer(scores.time_criticality.map(i64::from));
            reader.integer(scores.risk_reduction.map(i64::from));
            reader.integer(scores.rice_reach.map(i64::from));
            reader.choice(
                scores.rice_impact.as_ref(),
                RICE_IMPACT_OPTIONS,
                RICE_IMPACT_OPTION_VALUES,
            );
            reader.integer(scores.rice_confidence_percent.map(i64::from));
            let criterion_rows = settings
                .weighted_criteria
                .iter()
                .map(|criterion| RowDraft {
                    row_id: criterion.id.clone(),
                    cells: vec![scores
                        .criterion_scores
                        .get(&criterion.id)
                        .map(|score| score.to_string())
                        .unwrap_or_default()],
                })
                .collect();
            reader.rows(criterion_rows);
            reader.integer(initiative.effort_person_days.map(i64::from));
            reader.quarter(initiative.start);
            reader.integer(Some(i64::from(initiative.duration_quarters)));
            reader.tags(&initiative.tags);
            let rows = initiative
                .goal_contributions
                .iter()
                .map(|contribution| RowDraft {
                    row_id: String::new(),
                    cells: vec![
                        contribution.goal_id.clone(),
                        contribution.strength.to_string(),
                    ],
                })
                .collect();
            reader.rows(rows);
            reader.references(&initiative.capability_ids);
            reader.references(&initiative.process_ids);
            reader.references(&initiative.depends_on_ids);
            reader.rows(cost_line_rows(&initiative.cost_lines, reader.language));
        }
        Entity::SpendItem(spend_item) => {
            reader.text(&spend_item.name);
            reader.choice(
                Some(&spend_item.kind),
                SPEND_KIND_OPTIONS,
                SPEND_KIND_VALUES,
            );
            reader.text(&spend_item.vendor);
            reader.date(spend_item.start_date);
            reader.reference(&spend_item.owner_id);
            reader.references(&spend_item.process_ids);
            reader.references(&spend_item.goal_ids);
            reader.reference(&spend_item.initiative_id);
            reader.rows(cost_line_rows(&spend_item.cost_lines, reader.language));
        }
        Entity::Review(review) => {
            reader.quarter(Some(review.quarter));
            reader.date(Some(review.date));
            let language = reader.language;
            let rows = review
                .kpi_actuals
                .iter()
                .map(|actual| RowDraft {
                    row_id: String::new(),
                    cells: vec![
                        actual.kpi_id.clone(),
                        decimal_cell(actual.value, language),
                        actual.note.clone(),
                    ],
                })
                .collect();
            reader.rows(rows);
            reader.integer(review.user_acceptance.map(i64::from));
            reader.integer(review.technical_debt.map(i64::from));
            reader.integer(review.security_posture.map(i64::from));
            reader.lines(&review.decisions);
            reader.lines(&review.next_steps);
            reader.text(&review.notes);
        }
        Entity::WorkshopSession(_) => {}
    }
}

fn decimal_cell(value: f64, language: crate::i18n::Language) -> String {
    let mut reader = DraftReader::new(language);
    reader.decimal(Some(value));
    reader.drafts[0].text().to_string()
}

fn cost_line_rows(lines: &[CostLine], language: crate::i18n::Language) -> Vec<RowDraft> {
    lines
        .iter()
        .map(|line| {
            let position = CostCategory::ALL
                .iter()
                .position(|category| *category == line.category)
                .unwrap_or(0);
            RowDraft {
                row_id: line.id.clone(),
                cells: vec![
                    COST_CATEGORY_OPTIONS[position].code.to_string(),
                    line.description.clone(),
                    super::format_money_for_input(line.one_time_cents, language),
                    super::format_money_for_input(line.running_cents_per_year, language),
                ],
            }
        })
        .collect()
}

fn read_model_settings(reader: &mut DraftReader, model: &Model) {
    let settings = &model.settings;
    reader.text(&model.title);
    reader.text(&model.organization);
    reader.text(&model.currency);
    reader.quarter(Some(model.planning_start));
    reader.integer(settings.capacity_person_days_per_quarter.map(i64::from));
    reader.money(settings.it_budget_cents_per_year);
    reader.integer(settings.wip_limit.map(i64::from));
    reader.money(Some(settings.large_spend_threshold_cents));
    reader.integer(Some(i64::from(settings.useful_life_years)));
    reader.decimal(Some(settings.quadrant_threshold));
    let labels = &settings.quadrant_labels;
    for label in [
        &labels.quick_win,
        &labels.platform_topic,
        &labels.fill_in,
        &labels.time_sink,
    ] {
        reader.optional_text(label);
    }
    reader.choice(
        Some(&settings.scoring_framework),
        SCORING_FRAMEWORK_OPTIONS,
        SCORING_FRAMEWORK_VALUES,
    );
    let criterion_rows = settings
        .weighted_criteria
        .iter()
        .map(|criterion| RowDraft {
            row_id: criterion.id.clone(),
            cells: vec![criterion.name.clone(), criterion.weight.to_string()],
        })
        .collect();
    reader.rows(criterion_rows);
    let derive: &[bool] = if settings.derive_value_from_goals {
        &[true]
    } else {
        &[]
    };
    reader.choice_set(derive, DERIVE_VALUE_OPTIONS, &[true]);
}

// ---------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------

pub(super) fn write_subject(
    model: &Model,
    subject: &FormSubject,
    drafts: &[FieldDraft],
    context: &FormContext,
) -> Result<Vec<Command>, FormProblems> {
    let mut writer = DraftWriter::new(drafts, context.language);
    match subject {
        FormSubject::ModelSettings => {
            let commands = write_model_settings(&mut writer, model, context);
            if writer.problems.is_empty() {
                Ok(commands)
            } else {
                Err(writer.problems)
            }
        }
        FormSubject::Entity {
            kind,
            existing_id,
            preset_goal_id,
        } => {
            let Some(original) = subject_entity(
                model,
                *kind,
                existing_id.as_deref(),
                preset_goal_id.as_ref(),
                context,
            ) else {
                return Ok(Vec::new());
            };
            let mut entity = original.clone();
            write_entity(&mut writer, &mut entity, context);
            if !writer.problems.is_empty() {
                return Err(writer.problems);
            }
            if let (Entity::Initiative(written), Entity::Initiative(stored)) =
                (&mut entity, &original)
            {
                keep_criterion_scores_current(written, stored, &model.settings, drafts);
            }
            if existing_id.is_none() {
                set_entity_id(&mut entity, (context.new_id)());
                Ok(vec![Command::Create(entity)])
            } else if entity == original {
                Ok(Vec::new())
            } else {
                Ok(vec![Command::Update(entity)])
            }
        }
    }
}

/// The weighted criteria can change while an initiative's form is open (undo, redo,
/// another tab): scores of criteria that are gone are dropped (or the save would be
/// refused), and scores of criteria the form did not show are kept as stored.
fn keep_criterion_scores_current(
    written: &mut Initiative,
    stored: &Initiative,
    settings: &Settings,
    drafts: &[FieldDraft],
) {
    let is_current = |criterion_id: &str| {
        settings
            .weighted_criteria
            .iter()
            .any(|criterion| criterion.id == criterion_id)
    };
    let shown: Vec<&str> = INITIATIVE_FIELDS
        .iter()
        .position(|spec| spec.key == "criterion-scores")
        .and_then(|index| drafts.get(index))
        .map(|draft| draft.rows().iter().map(|row| row.row_id.as_str()).collect())
        .unwrap_or_default();
    let scores = &mut written.scores.criterion_scores;
    scores.retain(|criterion_id, _| is_current(criterion_id));
    for (criterion_id, score) in &stored.scores.criterion_scores {
        if is_current(criterion_id) && !shown.contains(&criterion_id.as_str()) {
            scores.insert(criterion_id.clone(), *score);
        }
    }
}

fn set_entity_id(entity: &mut Entity, id: EntityId) {
    match entity {
        Entity::Person(inner) => inner.id = id,
        Entity::Goal(inner) => inner.id = id,
        Entity::Kpi(inner) => inner.id = id,
        Entity::BusinessProcess(inner) => inner.id = id,
        Entity::Capability(inner) => inner.id = id,
        Entity::DataObject(inner) => inner.id = id,
        Entity::Initiative(inner) => inner.id = id,
        Entity::SpendItem(inner) => inner.id = id,
        Entity::Review(inner) => inner.id = id,
        Entity::WorkshopSession(inner) => inner.id = id,
    }
}

fn small<T: TryFrom<i64>>(value: i64, fallback: T) -> T {
    T::try_from(value).unwrap_or(fallback)
}

fn optional_small<T: TryFrom<i64>>(value: Option<i64>) -> Option<T> {
    value.and_then(|value| T::try_from(value).ok())
}

fn write_entity(writer: &mut DraftWriter, entity: &mut Entity, context: &FormContext) {
    match entity {
        Entity::Person(person) => {
            person.name = writer.required_title();
            // The form lists roles in a fixed order; a file may hold them in another.
            // Only a changed set of roles counts as a change.
            let roles = writer.choice_set(ROLE_OPTIONS, ROLE_VALUES);
            let same_roles = roles.len() == person.roles.len()
                && roles.iter().all(|role| person.roles.contains(role));
            if !same_roles {
                person.roles = roles;
            }
            person.email = writer.email();
        }
        Entity::Goal(goal) => {
            goal.title = writer.required_title();
            goal.statement = writer.long_text();
            goal.weight = small(writer.required_integer(range_of(GOAL_WEIGHT_RANGE), 3), 3);
            goal.horizon = writer.optional_quarter();
            goal.owner_id = writer.optional_reference();
            goal.cobit_goal = writer.optional_choice(COBIT_OPTIONS, &CobitEnterpriseGoal::ALL);
            goal.tags = writer.tags();
        }
        Entity::Kpi(kpi) => {
            kpi.goal_id = writer.required_reference();
            kpi.name = writer.required_title();
            kpi.unit = writer.title();
            kpi.direction =
                writer.required_choice(DIRECTION_OPTIONS, DIRECTION_VALUES, KpiDirection::Increase);
            kpi.baseline = writer.optional_decimal();
            kpi.baseline_date = writer.optional_date();
            kpi.target = writer.optional_decimal();
            kpi.target_date = writer.optional_date();
            kpi.data_source = writer.title();
            kpi.owner_id = writer.optional_reference();
            let fallback_quarter = Quarter::containing(context.today);
            let mut measurements = writer.rows(MEASUREMENT_COLUMNS, |row, _| KpiMeasurement {
                quarter: row.required_quarter(fallback_quarter),
                value: row.required_decimal(),
                note: row.title(),
            });
            measurements.sort_by_key(|measurement| measurement.quarter);
            if measurements
                .windows(2)
                .any(|pair| pair[0].quarter == pair[1].quarter)
            {
                writer.report_on_last_field(FieldProblem::ChosenTwice);
            }
            kpi.measurements = measurements;
        }
        Entity::BusinessProcess(process) => {
            process.name = writer.required_title();
            process.description = writer.long_text();
            process.owner_id = writer.optional_reference();
        }
        Entity::Capability(capability) => {
            capability.name = writer.required_title();
            capability.description = writer.long_text();
            capability.kind = writer.required_choice(
                CAPABILITY_KIND_OPTIONS,
                CAPABILITY_KIND_VALUES,
                CapabilityKind::System,
            );
            capability.current_maturity =
                small(writer.required_integer(range_of(MATURITY_RANGE), 1), 1);
            capability.target_maturity =
                small(writer.required_integer(range_of(MATURITY_RANGE), 1), 1);
            capability.business_fit = optional_small(writer.optional_integer(range_of(FIT_RANGE)));
            capability.technical_fit = optional_small(writer.optional_integer(range_of(FIT_RANGE)));
            capability.owner_id = writer.optional_reference();
            capability.goal_ids = writer.references();
            capability.process_ids = writer.references();
            capability.data_object_ids = writer.references();
        }
        Entity::DataObject(data_object) => {
            data_object.name = writer.required_title();
            data_object.description = writer.long_text();
            data_object.data_owner_id = writer.optional_reference();
            data_object.quality_rating =
                optional_small(writer.optional_integer(range_of(DATA_QUALITY_RANGE)));
        }
        Entity::Initiative(initiative) => {
            initiative.title = writer.required_title();
            initiative.description = writer.long_text();
            initiative.status = writer.required_choice(
                STATUS_OPTIONS,
                &InitiativeStatus::ALL,
                InitiativeStatus::Idea,
            );
            initiative.owner_id = writer.optional_reference();
            initiative.scores.value =
                optional_small(writer.optional_integer(range_of(SCORE_RANGE)));
            initiative.scores.effort =
                optional_small(writer.optional_integer(range_of(SCORE_RANGE)));
            let scores = &mut initiative.scores;
            scores.risk = optional_small(writer.optional_integer(range_of(RISK_RANGE)));
            scores.time_criticality =
                optional_small(writer.optional_integer(range_of(SCORE_RANGE)));
            scores.risk_reduction = optional_small(writer.optional_integer(range_of(SCORE_RANGE)));
            scores.rice_reach = optional_small(writer.optional_integer(0..=RICE_REACH_MAXIMUM));
            scores.rice_impact =
                writer.optional_choice(RICE_IMPACT_OPTIONS, RICE_IMPACT_OPTION_VALUES);
            scores.rice_confidence_percent =
                optional_small(writer.optional_integer(range_of(CONFIDENCE_PERCENT_RANGE)));
            let criterion_scores = writer.rows(CRITERION_SCORE_COLUMNS, |row, draft| {
                let score = row.required_integer(range_of(CRITERION_SCORE_RANGE), 1);
                (draft.row_id.clone(), small(score, 1))
            });
            scores.criterion_scores = criterion_scores.into_iter().collect();
            initiative.effort_person_days = optional_small(writer.optional_integer(
                i64::from(*EFFORT_PERSON_DAYS_RANGE.start())
                    ..=i64::from(*EFFORT_PERSON_DAYS_RANGE.end()),
            ));
            initiative.start = writer.optional_quarter();
            initiative.duration_quarters = small(
                writer.required_integer(range_of(DURATION_QUARTERS_RANGE), 1),
                1,
            );
            initiative.tags = writer.tags();
            let contributions = writer.rows(CONTRIBUTION_COLUMNS, |row, _| GoalContribution {
                goal_id: row.required_reference(),
                strength: small(
                    row.required_integer(range_of(CONTRIBUTION_STRENGTH_RANGE), 1),
                    1,
                ),
            });
            let mut seen_goals: Vec<&str> = Vec::new();
            for contribution in &contributions {
                if seen_goals.contains(&contribution.goal_id.as_str()) {
                    writer.report_on_last_field(FieldProblem::ChosenTwice);
                    break;
                }
                seen_goals.push(&contribution.goal_id);
            }
            initiative.goal_contributions = contributions;
            initiative.capability_ids = writer.references();
            initiative.process_ids = writer.references();
            initiative.depends_on_ids = writer.references();
            initiative.cost_lines = write_cost_lines(writer, context);
        }
        Entity::SpendItem(spend_item) => {
            spend_item.name = writer.required_title();
            spend_item.kind =
                writer.required_choice(SPEND_KIND_OPTIONS, SPEND_KIND_VALUES, SpendKind::Software);
            spend_item.vendor = writer.title();
            spend_item.start_date = writer.optional_date();
            spend_item.owner_id = writer.optional_reference();
            spend_item.process_ids = writer.references();
            spend_item.goal_ids = writer.references();
            spend_item.initiative_id = writer.optional_reference();
            spend_item.cost_lines = write_cost_lines(writer, context);
        }
        Entity::Review(review) => {
            review.quarter = writer.required_quarter(review.quarter);
            review.date = writer.required_date(review.date);
            let kpi_actuals = writer.rows(KPI_ACTUAL_COLUMNS, |row, _| ReviewKpiActual {
                kpi_id: row.required_reference(),
                value: row.required_decimal(),
                note: row.title(),
            });
            let mut seen_kpis: Vec<&str> = Vec::new();
            for actual in &kpi_actuals {
                if seen_kpis.contains(&actual.kpi_id.as_str()) {
                    writer.report_on_last_field(FieldProblem::ChosenTwice);
                    break;
                }
                seen_kpis.push(&actual.kpi_id);
            }
            review.kpi_actuals = kpi_actuals;
            review.user_acceptance =
                optional_small(writer.optional_integer(range_of(REVIEW_RATING_RANGE)));
            review.technical_debt =
                optional_small(writer.optional_integer(range_of(REVIEW_RATING_RANGE)));
            review.security_posture =
                optional_small(writer.optional_integer(range_of(REVIEW_RATING_RANGE)));
            review.decisions = writer.lines();
            review.next_steps = writer.lines();
            review.notes = writer.long_text();
        }
        Entity::WorkshopSession(_) => {}
    }
}

fn write_cost_lines(writer: &mut DraftWriter, context: &FormContext) -> Vec<CostLine> {
    writer.rows(COST_LINE_COLUMNS, |row, draft| CostLine {
        id: if draft.row_id.is_empty() {
            (context.new_id)()
        } else {
            draft.row_id.clone()
        },
        category: row.required_choice(
            COST_CATEGORY_OPTIONS,
            &CostCategory::ALL,
            CostCategory::Acquisition,
        ),
        description: row.title(),
        one_time_cents: row.money(),
        running_cents_per_year: row.money(),
    })
}

fn write_model_settings(
    writer: &mut DraftWriter,
    model: &Model,
    context: &FormContext,
) -> Vec<Command> {
    let title = writer.required_title();
    let organization = writer.title();
    let currency = writer.title().to_ascii_uppercase();
    if currency.len() != 3 || !currency.bytes().all(|byte| byte.is_ascii_uppercase()) {
        writer.report_on_last_field(FieldProblem::NotACurrencyCode);
    }
    let planning_start = writer.required_quarter(model.planning_start);
    let mut settings = model.settings.clone();
    settings.capacity_person_days_per_quarter =
        optional_small(writer.optional_integer(1..=1_000_000));
    settings.it_budget_cents_per_year = writer.optional_money();
    settings.wip_limit =
        optional_small(writer.optional_integer(
            i64::from(*WIP_LIMIT_RANGE.start())..=i64::from(*WIP_LIMIT_RANGE.end()),
        ));
    settings.large_spend_threshold_cents = writer.money();
    settings.useful_life_years = small(
        writer.required_integer(range_of(USEFUL_LIFE_YEARS_RANGE), 3),
        3,
    );
    settings.quadrant_threshold = writer.decimal_in_range(QUADRANT_THRESHOLD_RANGE, 5.5);
    // An empty label means the default wording in the user's language.
    let mut custom_label = || Some(writer.title()).filter(|label| !label.is_empty());
    settings.quadrant_labels.quick_win = custom_label();
    settings.quadrant_labels.platform_topic = custom_label();
    settings.quadrant_labels.fill_in = custom_label();
    settings.quadrant_labels.time_sink = custom_label();
    settings.scoring_framework = writer.required_choice(
        SCORING_FRAMEWORK_OPTIONS,
        SCORING_FRAMEWORK_VALUES,
        settings.scoring_framework,
    );
    settings.weighted_criteria = writer.rows(CRITERION_COLUMNS, |row, draft| WeightedCriterion {
        id: if draft.row_id.is_empty() {
            (context.new_id)()
        } else {
            draft.row_id.clone()
        },
        name: row.required_title(),
        weight: small(row.required_integer(range_of(CRITERION_WEIGHT_RANGE), 0), 0),
    });
    settings.derive_value_from_goals = !writer.choice_set(DERIVE_VALUE_OPTIONS, &[true]).is_empty();
    let mut commands = Vec::new();
    let info_changed = title != model.title
        || organization != model.organization
        || currency != model.currency
        || planning_start != model.planning_start;
    if info_changed {
        commands.push(Command::SetModelInfo {
            title,
            organization,
            currency,
            planning_start,
        });
    }
    if settings != model.settings {
        commands.push(Command::UpdateSettings(settings));
    }
    commands
}
