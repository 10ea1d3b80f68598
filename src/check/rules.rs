//! The catalogue of rule ids: every rule the check can report, with its severity and what it
//! means. The ids are stable (users, tests and the UI rely on them); tests assert that every
//! finding's rule is listed here with this severity, and that every listed rule can fire.

use super::Severity;
use super::Severity::{Fout, Info, Waarschuwing};

/// One rule of the check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// The stable id, e.g. `party.kbo.checksum`.
    pub id: &'static str,
    /// The severity every finding of this rule has.
    pub severity: Severity,
    /// What the rule finds, in one line (developer documentation).
    pub summary: &'static str,
}

const fn rule(id: &'static str, severity: Severity, summary: &'static str) -> Rule {
    Rule {
        id,
        severity,
        summary,
    }
}

/// Every rule, grouped by wizard step.
pub const RULES: &[Rule] = &[
    // Parties
    rule("parties.none", Fout, "the protocol has no parties"),
    rule(
        "parties.no_provider",
        Fout,
        "no party is marked as provider",
    ),
    rule(
        "parties.no_recipient",
        Fout,
        "no party is marked as recipient",
    ),
    rule(
        "party.missing_field",
        Fout,
        "a party without legal name, KBO number, address, short name, legal status, or any named signatory",
    ),
    rule(
        "party.kbo.format",
        Fout,
        "KBO number not 10 digits (dots, spaces, `BE` allowed) or first digit not 0/1",
    ),
    rule(
        "party.kbo.checksum",
        Fout,
        "KBO check digits wrong (97 − first 8 mod 97 ≠ last 2)",
    ),
    rule(
        "party.kbo.duplicate",
        Fout,
        "two parties with the same KBO number",
    ),
    rule(
        "party.id.duplicate",
        Fout,
        "two parties with the same internal id, so flows cannot tell them apart",
    ),
    rule(
        "party.no_role",
        Fout,
        "a party that is neither provider nor recipient",
    ),
    rule(
        "party.role_inconsistent",
        Fout,
        "a party that sends (receives) in a flow but is not marked provider (recipient)",
    ),
    rule(
        "party.role_unused",
        Waarschuwing,
        "a party marked provider (recipient) that sends (receives) in no flow",
    ),
    rule(
        "party.signatory.name.missing",
        Fout,
        "a signatory with a function but no name, beside named ones",
    ),
    rule(
        "party.signatory.function.missing",
        Fout,
        "a named signatory without function",
    ),
    rule(
        "party.dpo.email.format",
        Waarschuwing,
        "a DPO e-mail address that does not look like one",
    ),
    rule(
        "party.dpo.missing",
        Fout,
        "a party without DPO name, or without DPO e-mail and telephone",
    ),
    // Context and flows
    rule(
        "title.context.missing",
        Fout,
        "no subject (“in het kader van …”)",
    ),
    rule(
        "recital.missing",
        Fout,
        "recital C1 (context), C2 (planned flow) or C3 (service integrator) empty",
    ),
    rule(
        "recital.intent.missing",
        Waarschuwing,
        "recital D (intent to conclude and publish) empty",
    ),
    rule("flows.none", Fout, "no data flow"),
    rule(
        "flow.id.duplicate",
        Fout,
        "two flows with the same internal id",
    ),
    rule(
        "flow.missing_field",
        Fout,
        "a flow without sender, recipient, channel or periodicity",
    ),
    rule(
        "flow.unknown_party",
        Fout,
        "a flow naming a party that is not in the protocol",
    ),
    rule(
        "flow.to_party.is_sender",
        Fout,
        "a flow whose recipient is its own sender",
    ),
    rule(
        "flow.to_party.duplicate",
        Waarschuwing,
        "the same recipient twice in one flow",
    ),
    rule(
        "flow.service_integrator.inconsistent",
        Waarschuwing,
        "‘via service integrator’ and the chosen channel disagree",
    ),
    rule(
        "flow.service_integrator.missing",
        Waarschuwing,
        "a flow via a service integrator that does not name it",
    ),
    rule(
        "municipal.channel.mismatch",
        Fout,
        "Opgroeien template: a flow's channel differs from the exchange channel the municipality chose",
    ),
    // Purposes
    rule(
        "purpose.missing",
        Fout,
        "provider's original purposes or a recipient's purposes empty, or a legal basis without purpose",
    ),
    rule("legal_basis.missing", Fout, "a purpose with no legal basis"),
    rule(
        "compatibility.missing",
        Fout,
        "no statement why further processing is compatible",
    ),
    // Data
    rule("data.none", Fout, "no data items"),
    rule(
        "data.identifier.missing",
        Waarschuwing,
        "no identifier stated (usually the INSZ)",
    ),
    rule(
        "data_item.description.missing",
        Fout,
        "a data item without description",
    ),
    rule(
        "data_item.justification.missing",
        Fout,
        "an item whose proportionality justification is empty or a placeholder (…, TODO, nvt, fewer than 5 words)",
    ),
    rule(
        "data_item.justification.copied",
        Waarschuwing,
        "the same justification text (ignoring case and spacing) on several items",
    ),
    rule("data_item.no_flow", Fout, "an item that travels in no flow"),
    rule(
        "data_item.unknown_flow",
        Fout,
        "an item naming a flow that does not exist",
    ),
    rule(
        "data_item.special_category.unjustified",
        Fout,
        "an art. 9/10 item with no specific justification",
    ),
    rule(
        "retention.missing",
        Fout,
        "no retention period (global nor for every item)",
    ),
    rule(
        "flow.not_used",
        Waarschuwing,
        "a flow in which no data item travels",
    ),
    // Recipients
    rule(
        "recipients.missing",
        Fout,
        "a receiving party with no services/teams listed",
    ),
    rule(
        "recipients.need_to_know.missing",
        Waarschuwing,
        "a receiving party that does not say how access is limited (need-to-know)",
    ),
    rule(
        "recipients.onward_disclosure.missing",
        Waarschuwing,
        "a receiving party that does not say whether it passes the data on",
    ),
    rule("processors.missing_field", Fout, "a processor without name"),
    rule(
        "processors.task.missing",
        Waarschuwing,
        "a processor without task",
    ),
    rule(
        "processors.no_agreement",
        Fout,
        "a processor without processor agreement (art. 28 GDPR)",
    ),
    rule(
        "data_subject_rights.missing",
        Waarschuwing,
        "nothing on how data subjects exercise their rights",
    ),
    // Periodicity and duration
    rule(
        "flow.periodicity.detail.missing",
        Fout,
        "periodicity ‘other’ without description",
    ),
    rule(
        "flow.periodicity.day.missing",
        Info,
        "a monthly flow without the day of the month",
    ),
    rule(
        "flow.periodicity.day.invalid",
        Fout,
        "a day of the month outside 1–31",
    ),
    rule(
        "flow.periodicity.justification.missing",
        Waarschuwing,
        "a flow whose rhythm is not justified",
    ),
    rule(
        "duration.missing",
        Fout,
        "no duration, a fixed term not described, or indefinite with no justification",
    ),
    rule(
        "duration.justification.missing",
        Waarschuwing,
        "a fixed term without justification",
    ),
    // Security
    rule("security.none", Fout, "no security measures"),
    rule(
        "security.channel.missing",
        Fout,
        "a flow over ‘another channel’ that does not say which secure channel",
    ),
    rule(
        "security.measure.empty",
        Waarschuwing,
        "a security measure without text",
    ),
    rule(
        "security.measure.encryption.missing",
        Waarschuwing,
        "files travel (SFTP, e-mail, Opgroeien case) but no encryption measure",
    ),
    rule(
        "security.measure.access_control.missing",
        Waarschuwing,
        "no access-control measure",
    ),
    rule(
        "security.measure.confidentiality.missing",
        Info,
        "no confidentiality-declaration measure",
    ),
    rule(
        "security.measure.logging.missing",
        Info,
        "no logging measure",
    ),
    rule(
        "security.measure.deletion.missing",
        Waarschuwing,
        "no deletion-after-use measure",
    ),
    rule(
        "security.measure.policy.missing",
        Waarschuwing,
        "no security policy/plan measure",
    ),
    // Advice
    rule(
        "dpo_advice.missing",
        Fout,
        "a party whose DPO advice date is empty",
    ),
    rule(
        "dpo_advice.after_signing",
        Fout,
        "a DPO advice date later than the signing date",
    ),
    rule(
        "dpo_advice.in_future",
        Fout,
        "a DPO advice date after today",
    ),
    rule(
        "dpo_advice.outcome.missing",
        Fout,
        "a dated DPO advice without outcome",
    ),
    rule(
        "dpo_advice.unfavourable",
        Waarschuwing,
        "an unfavourable DPO advice",
    ),
    rule(
        "dpo_advice.conditions",
        Fout,
        "‘gunstig onder voorwaarden’ without the conditions in the remarks",
    ),
    rule(
        "dpo_advice.conditions.unmet",
        Waarschuwing,
        "a ‘gunstig onder voorwaarden’ advice: the conditions are to be met (and a favourable advice recorded) before signing",
    ),
    rule(
        "vtc_advice.after_signing",
        Fout,
        "the VTC advice date later than the signing date",
    ),
    rule(
        "vtc_advice.in_future",
        Fout,
        "the VTC advice date after today",
    ),
    // Municipal (Opgroeien template only)
    rule(
        "municipal.party.unknown",
        Fout,
        "the municipal case names a party that does not exist",
    ),
    rule(
        "municipal.data_use.missing",
        Fout,
        "no description of how the municipality uses the data",
    ),
    rule(
        "municipal.financial_scenario.missing",
        Fout,
        "no description of the financial scenario",
    ),
    rule(
        "municipal.college_decision.missing",
        Fout,
        "no college decision date or reference",
    ),
    rule(
        "municipal.college_decision.after_signing",
        Fout,
        "the college decision dated after signing",
    ),
    rule(
        "municipal.college_decision.in_future",
        Waarschuwing,
        "the college decision dated after today",
    ),
    rule(
        "municipal.channel.missing",
        Fout,
        "the exchange channel (SFTP or encrypted e-mail) not chosen",
    ),
    rule(
        "municipal.key_exchange.missing",
        Fout,
        "key exchange between the DPOs not confirmed",
    ),
    rule(
        "municipal.destruction.missing",
        Fout,
        "destruction of the file after use not confirmed",
    ),
    rule(
        "gdpr.security_policy.missing",
        Fout,
        "security policy with security plan not confirmed",
    ),
    rule(
        "gdpr.processing_register.missing",
        Fout,
        "entry in the processing register not confirmed",
    ),
    rule(
        "gdpr.information_duty.missing",
        Fout,
        "information duty not confirmed",
    ),
    rule(
        "municipal.confirmation.detail.missing",
        Waarschuwing,
        "a confirmed duty or commitment without saying how",
    ),
    // Clauses
    rule(
        "transparency.url.missing",
        Fout,
        "a party with no publication URL",
    ),
    rule(
        "transparency.url.format",
        Waarschuwing,
        "a publication URL that is not a full http(s) address",
    ),
    // Signing
    rule("signing.missing", Fout, "no signing place or date"),
    rule(
        "title.date.differs",
        Info,
        "the document date under the title differs from the signing date",
    ),
    // Any text field
    rule(
        "template.placeholder",
        Fout,
        "a template placeholder «…» left in a text field",
    ),
    rule(
        "text.contains_insz",
        Waarschuwing,
        "free text containing something that passes the INSZ check",
    ),
    // Review record
    rule(
        "review.open_comment",
        Waarschuwing,
        "a review comment that is not resolved yet",
    ),
    rule(
        "review.step_to_correct",
        Fout,
        "a reviewer judged a step ‘te corrigeren’",
    ),
    rule(
        "review.step_to_improve",
        Waarschuwing,
        "a reviewer judged a step ‘te verbeteren’",
    ),
    rule(
        "review.advice_outdated",
        Waarschuwing,
        "a DPO's advice was given on content that has changed since",
    ),
    rule(
        "review.approval_outdated",
        Fout,
        "the approval was given on content that has changed since; the document is a draft again",
    ),
];

/// The rule with this id, if any.
pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.id == id)
}
