//! The catalogue of rule ids: every rule the check can report, with its severity, the legal
//! ground it enforces, and what it means. The ids are stable (users, tests and the UI rely on
//! them); tests assert that every finding's rule is listed here with this severity, and that
//! every listed rule can fire.
//!
//! The severities follow one line: `fout` only for what makes a protocol unlawful or
//! unsignable (a legal element missing, a gap or contradiction in the text that would be
//! signed, a step that must precede the signature); what signed protocols routinely leave out
//! (compare shared/reference/002) is a `waarschuwing`; good practice is `info`. Each rule's
//! `why` says which applies; docs/RULES.md prints it.

use super::Severity;
use super::Severity::{Fout, Info, Waarschuwing};

/// One rule of the check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    /// The stable id, e.g. `party.kbo.checksum`.
    pub id: &'static str,
    /// The severity every finding of this rule has.
    pub severity: Severity,
    /// The legal basis or supervisor's criterion the rule enforces, short and citable, in Dutch
    /// as users read it: "art. 5.1.c AVG (minimale gegevensverwerking)".
    pub ground: &'static str,
    /// What the rule finds, in one line (developer documentation).
    pub summary: &'static str,
    /// Why the severity is what it is, in one sentence (developer documentation).
    pub why: &'static str,
}

const fn rule(
    id: &'static str,
    severity: Severity,
    ground: &'static str,
    summary: &'static str,
    why: &'static str,
) -> Rule {
    Rule {
        id,
        severity,
        ground,
        summary,
        why,
    }
}

// The grounds, each written once so the same basis reads the same everywhere.
const EGOV: &str = "art. 8, §1 e-govdecreet";
const EGOV_SUBJECT: &str = "art. 8, §1 e-govdecreet (voorwerp van de mededeling)";
const EGOV_DPO: &str = "art. 8, §1 e-govdecreet (advies van de DPO's vóór de ondertekening)";
const EGOV_PUBLISH: &str = "art. 8, §1 e-govdecreet (bekendmaking op de website van de partijen)";
const WVG_PARTIES: &str = "art. 20 WVG 30 juli 2018 (identificatie van de partijen)";
const WVG_DPO: &str = "art. 20 WVG 30 juli 2018 (contactgegevens van de DPO's)";
const WVG_DATA: &str = "art. 20 WVG 30 juli 2018 (categorieën van gegevens)";
const WVG_RECIPIENTS: &str = "art. 20 WVG 30 juli 2018 (categorieën van ontvangers)";
const WVG_TRANSFER: &str = "art. 20 WVG 30 juli 2018 (wijze van doorgifte)";
const WVG_PERIOD: &str = "art. 20 WVG 30 juli 2018 (periodiciteit van de doorgifte)";
const WVG_DURATION: &str = "art. 20 WVG 30 juli 2018 (duur van het protocol)";
const WVG_RIGHTS: &str = "art. 20 WVG 30 juli 2018 (rechten van de betrokkenen)";
const AVG_PURPOSE: &str = "art. 5.1.b AVG (doelbinding)";
const AVG_MIN: &str = "art. 5.1.c AVG (minimale gegevensverwerking)";
const AVG_STORAGE: &str = "art. 5.1.e AVG (opslagbeperking)";
const AVG_BASIS: &str = "art. 6 AVG";
const AVG_BASIS_COLLEGE: &str = "art. 6 AVG (rechtsgrond: het collegebesluit)";
const AVG_COMPAT: &str = "art. 6.4 AVG (verenigbare verdere verwerking)";
const AVG_SPECIAL: &str = "art. 9 en 10 AVG (bijzondere categorieën van gegevens)";
const AVG_PROCESSORS: &str = "art. 28 AVG";
const AVG_REGISTER: &str = "art. 30 AVG (register van de verwerkingsactiviteiten)";
const AVG_SECURITY: &str = "art. 32 AVG (beveiliging van de verwerking)";
const AVG_INFO: &str = "art. 13 en 14 AVG (informatieplicht)";
const VTC_PROP: &str = "VTC-criterium: evenredigheid per gegeven";
const VTC_NRN: &str = "VTC-criterium: gebruik van het rijksregisternummer";
const VTC_RECIPIENTS: &str = "VTC-criterium: ontvangers en derden (need-to-know)";
const VTC_FREQ: &str = "VTC-criterium: frequentie van de toegang";
const VTC_DURATION: &str = "VTC-criterium: duur van de mededeling";
const VTC_INTEGRATOR: &str = "VTC-criterium: externe verwerkers en dienstenintegratoren";
const VTC_SECURITY: &str = "VTC-criterium: beveiliging (veiligheidsbeleid, DPO)";
const OPGROEIEN: &str = "standaardprotocol Opgroeien: voorwaarde voor de ondertekening";
const ADVICE_FIRST: &str = "vormvereiste: een advies gaat aan de ondertekening vooraf";
const FORM_SIGN: &str = "vormvereiste: het document moet ondertekend kunnen worden";
const FORM_CLEAR: &str = "vormvereiste: het protocol moet eenduidig zijn";
const FORM_READABLE: &str = "vormvereiste: het protocol moet op zichzelf leesbaar zijn";
const REVIEW: &str = "nazicht: het oordeel van de nazichter";
const REVIEW_APPROVAL: &str = "nazicht: een goedkeuring geldt alleen voor de goedgekeurde tekst";

/// Every rule, grouped by wizard step.
pub const RULES: &[Rule] = &[
    // Parties
    rule(
        "parties.none",
        Fout,
        EGOV,
        "the protocol has no parties",
        "Without parties there is nothing to conclude or sign.",
    ),
    rule(
        "parties.no_provider",
        Fout,
        EGOV,
        "no party is marked as provider",
        "Art. 8, §1 governs a disclosure by a body; a protocol without a provider discloses nothing.",
    ),
    rule(
        "parties.no_recipient",
        Fout,
        EGOV,
        "no party is marked as recipient",
        "A disclosure needs a recipient; without one the protocol has no object.",
    ),
    rule(
        "party.missing_field",
        Fout,
        WVG_PARTIES,
        "a party without legal name, KBO number, address, short name, legal status, or any named signatory",
        "Every signed protocol identifies each party by name, KBO number, address, short name and legal status and names who signs; a blank there leaves a gap in the party clause or signature block.",
    ),
    rule(
        "party.kbo.format",
        Fout,
        WVG_PARTIES,
        "KBO number not 10 digits (dots, spaces, `BE` allowed) or first digit not 0/1",
        "A number that cannot be a KBO number identifies no legal person: the party clause would be wrong in the signed text.",
    ),
    rule(
        "party.kbo.checksum",
        Fout,
        WVG_PARTIES,
        "KBO check digits wrong (97 − first 8 mod 97 ≠ last 2)",
        "Wrong check digits mean a typo that misidentifies the party in the signed text; fixing it takes a look in the KBO.",
    ),
    rule(
        "party.kbo.duplicate",
        Waarschuwing,
        WVG_PARTIES,
        "two parties with the same KBO number whose establishment unit numbers do not tell them apart (both empty or equal)",
        "Flemish entities without legal personality correctly share the KBO number of the Vlaamse Gemeenschap/Vlaams Gewest and signed protocols seldom give their establishment numbers, so an equal number is a question, not a defect.",
    ),
    rule(
        "party.establishment_number.format",
        Fout,
        WVG_PARTIES,
        "establishment unit number not 10 digits (dots, spaces allowed) or first digit not 2–8",
        "The field is optional, but a number that is filled in identifies the party and must be one that can exist.",
    ),
    rule(
        "party.establishment_number.checksum",
        Fout,
        WVG_PARTIES,
        "establishment unit number check digits wrong (same mod-97 check as the KBO number)",
        "Like the KBO number: wrong check digits are a typo that misidentifies the party in the signed text.",
    ),
    rule(
        "party.id.duplicate",
        Fout,
        FORM_CLEAR,
        "two parties with the same internal id, so flows cannot tell them apart",
        "Flows refer to parties by id; with two equal ids the document cannot say who sends or receives what.",
    ),
    rule(
        "party.no_role",
        Fout,
        EGOV,
        "a party that is neither provider nor recipient",
        "A party that neither provides nor receives has no place in a protocol under art. 8, §1 and the document cannot place it on either side.",
    ),
    rule(
        "party.role_inconsistent",
        Fout,
        AVG_PURPOSE,
        "a party that sends (receives) in a flow but is not marked provider (recipient)",
        "A party that receives (sends) in a flow but is not marked so gets no purposes or recipients in arts. 2 and 4: the disclosure to it would have no stated purpose.",
    ),
    rule(
        "party.role_unused",
        Waarschuwing,
        FORM_CLEAR,
        "a party marked provider (recipient) that sends (receives) in no flow; routing a flow as its via party counts as receiving",
        "A role that no flow uses is a loose end a reviewer asks about; the text stays lawful.",
    ),
    rule(
        "party.representative.differs",
        Waarschuwing,
        WVG_PARTIES,
        "the party clause names a representative who is not among the signatories",
        "Real protocols do this (an interim head signs for the representative), so it is only a warning: the signatory must have the power to sign for the party.",
    ),
    rule(
        "party.signatory.name.missing",
        Fout,
        FORM_SIGN,
        "a signatory with a function but no name, beside named ones",
        "A signature block with a function but no name cannot be signed by an identified person.",
    ),
    rule(
        "party.signatory.function.missing",
        Fout,
        FORM_SIGN,
        "a named signatory without function",
        "The capacity in which someone signs shows the authority to bind the party; every signed protocol states it.",
    ),
    rule(
        "party.dpo.email.format",
        Waarschuwing,
        WVG_DPO,
        "a DPO e-mail address that does not look like one",
        "A mistyped address is worth checking but does not change what the parties agree.",
    ),
    rule(
        "party.dpo.missing",
        Waarschuwing,
        WVG_DPO,
        "a party without DPO name, or without DPO e-mail and telephone (one finding per party)",
        "Art. 20 WVG lists the DPOs' contact details, but signed Flemish protocols (reference/002) record only each DPO's advice date, so a missing name or address is asked about, not blocking.",
    ),
    rule(
        "group.unknown",
        Fout,
        FORM_CLEAR,
        "a party names a group the protocol does not have",
        "The text would name the party by a group that is not defined, so who is bound is unclear.",
    ),
    rule(
        "group.empty",
        Waarschuwing,
        FORM_CLEAR,
        "a group without members",
        "An empty group prints nothing and binds nobody; it is most likely left over, not a defect in the text.",
    ),
    rule(
        "group.missing_field",
        Fout,
        WVG_PARTIES,
        "a group with members but without its collective name or its legal-status recital",
        "The text names the members by the group's name and describes their status once; a blank leaves a gap in the party clause or the recitals.",
    ),
    rule(
        "group.roles.differ",
        Waarschuwing,
        FORM_CLEAR,
        "the members of a group have different roles (provider/recipient)",
        "The text describes a group as one whole; members with different roles are likely a slip, but a reader can still tell who does what from the flows.",
    ),
    // Context and flows
    rule(
        "title.context.missing",
        Fout,
        EGOV_SUBJECT,
        "no subject (“in het kader van …”)",
        "The subject in the title (“in het kader van …”) states what the protocol is about; without it the title has a gap.",
    ),
    rule(
        "recital.missing",
        Waarschuwing,
        FORM_READABLE,
        "recital C1 (context), C2 (planned flow) or C3 (service integrator) empty",
        "The recitals explain; the binding content (purposes, data, flows, security) sits in the articles with their own errors, and reference/002 was signed with recital C2 empty under its heading.",
    ),
    rule(
        "recital.intent.missing",
        Waarschuwing,
        EGOV_PUBLISH,
        "recital D (intent to conclude and publish) empty",
        "Recital D is a standard formula; its absence changes nothing the parties agree.",
    ),
    rule(
        "flows.none",
        Fout,
        WVG_TRANSFER,
        "no data flow",
        "Without a flow the protocol does not say how the data are communicated, which is the core of the disclosure.",
    ),
    rule(
        "flow.id.duplicate",
        Fout,
        FORM_CLEAR,
        "two flows with the same internal id",
        "Data items refer to flows by id; with two equal ids the text cannot say in which flow an item travels.",
    ),
    rule(
        "flow.missing_field",
        Fout,
        WVG_TRANSFER,
        "a flow without sender, recipient, channel or periodicity",
        "Who sends to whom, over which channel and how often is the minimum every signed protocol states (arts. 5 and 6).",
    ),
    rule(
        "flow.unknown_party",
        Fout,
        FORM_CLEAR,
        "a flow naming a party that is not in the protocol",
        "A flow that names a party not in the protocol cannot be printed correctly.",
    ),
    rule(
        "flow.via_party.is_end",
        Fout,
        FORM_CLEAR,
        "a flow routed via a party that is its own sender or recipient",
        "“From A via A to B” contradicts itself in the text that would be signed.",
    ),
    rule(
        "flow.to_party.is_sender",
        Fout,
        EGOV,
        "a flow whose recipient is its own sender",
        "A disclosure always goes to another body; a flow to itself is a contradiction in the text.",
    ),
    rule(
        "flow.to_party.duplicate",
        Waarschuwing,
        FORM_CLEAR,
        "the same recipient twice in one flow",
        "A recipient listed twice prints twice but says nothing wrong.",
    ),
    rule(
        "flow.service_integrator.inconsistent",
        Waarschuwing,
        VTC_INTEGRATOR,
        "‘via service integrator’ and the chosen channel disagree",
        "Recital C3 and the channel disagree: a reviewer will ask, but it does not make the exchange unlawful (a flow may also run by SFTP on the integrator's platform).",
    ),
    rule(
        "flow.service_integrator.missing",
        Waarschuwing,
        VTC_INTEGRATOR,
        "a flow via a service integrator that does not name it",
        "Naming the integrator helps the reader; the VTC asks, but the flow is described.",
    ),
    rule(
        "municipal.channel.mismatch",
        Fout,
        FORM_CLEAR,
        "Opgroeien template: a flow's channel differs from the exchange channel the municipality chose",
        "The text would state two different channels for the same exchange: a contradiction the signers cannot agree to.",
    ),
    rule(
        "flow.channel_detail.contradicts",
        Waarschuwing,
        FORM_CLEAR,
        "a flow's channel detail names another channel (SFTP under encrypted e-mail, e-mail under SFTP)",
        "The protocol would name two channels for one flow; a reader cannot tell which holds, but the security measures stay in place.",
    ),
    // Purposes
    rule(
        "purpose.missing",
        Fout,
        AVG_PURPOSE,
        "provider's original purposes or a recipient's purposes empty, or a legal basis without purpose",
        "Purposes must be specified and explicit (art. 5.1.b AVG); a disclosure without a stated purpose is unlawful.",
    ),
    rule(
        "legal_basis.missing",
        Fout,
        AVG_BASIS,
        "a purpose with no legal basis",
        "Every processing needs a legal basis (art. 6 AVG); a purpose without one cannot be signed.",
    ),
    rule(
        "compatibility.missing",
        Fout,
        AVG_COMPAT,
        "no statement why further processing is compatible",
        "Further processing for another purpose is lawful only when compatible (art. 6.4 AVG); the VTC examines it and signed protocols state it.",
    ),
    // Data
    rule(
        "data.none",
        Fout,
        AVG_MIN,
        "no data items",
        "A protocol that lists no data does not define what is disclosed.",
    ),
    rule(
        "data.identifier.missing",
        Waarschuwing,
        VTC_NRN,
        "no identifier stated (usually the INSZ)",
        "Signed protocols name the identifier (usually the INSZ) and the VTC looks at its use, but the items themselves are described.",
    ),
    rule(
        "data_item.description.missing",
        Fout,
        WVG_DATA,
        "a data item without description",
        "An item without description leaves a gap in art. 3: nobody can tell what is disclosed.",
    ),
    rule(
        "data_item.justification.missing",
        Fout,
        VTC_PROP,
        "an item whose proportionality justification is empty or a placeholder (…, TODO, nvt, fewer than 5 words)",
        "Proportionality per item is the VTC's central test and every signed protocol justifies each item; without it the disclosure is not shown to be necessary.",
    ),
    rule(
        "data_item.justification.copied",
        Waarschuwing,
        VTC_PROP,
        "the same justification text (ignoring case and spacing) on several items",
        "A copied justification is still a justification; a reviewer will ask for one per item.",
    ),
    rule(
        "data_item.no_flow",
        Waarschuwing,
        AVG_MIN,
        "an item that travels in no flow",
        "The signed text lists the item in art. 3 either way (reference/002 names no flow per item); an item linked to no flow is a loose end to tidy, not an unlawful text.",
    ),
    rule(
        "data_item.unknown_flow",
        Fout,
        FORM_CLEAR,
        "an item naming a flow that does not exist",
        "A reference to a flow that does not exist is a broken link in the text.",
    ),
    rule(
        "data_item.special_category.unjustified",
        Fout,
        AVG_SPECIAL,
        "an art. 9/10 item with no specific justification",
        "Special categories may only be processed under an exception of art. 9(2) or art. 10 AVG; without it the processing is prohibited.",
    ),
    rule(
        "retention.missing",
        Fout,
        AVG_STORAGE,
        "no retention period (global nor for every item)",
        "Storage limitation (art. 5.1.e AVG) requires a retention period and every signed protocol states one.",
    ),
    rule(
        "flow.not_used",
        Waarschuwing,
        AVG_MIN,
        "a flow in which no data item travels",
        "A flow in which no item travels is superfluous, not unlawful.",
    ),
    // Recipients
    rule(
        "recipients.missing",
        Fout,
        WVG_RECIPIENTS,
        "a receiving party with no services/teams listed (not for a party that only receives the lookup key it answers)",
        "The categories of recipients are minimum content (art. 20 WVG) and the VTC checks need-to-know; every signed protocol lists the recipient's services. A party that only receives the lookup key it answers (reference/002: VUTG receives the INSZ list) is a provider in substance and has no art. 4.",
    ),
    rule(
        "recipients.need_to_know.missing",
        Waarschuwing,
        VTC_RECIPIENTS,
        "a receiving party that does not say how access is limited (need-to-know)",
        "Signed protocols often state need-to-know in one sentence or not at all; a reviewer asks.",
    ),
    rule(
        "recipients.onward_disclosure.missing",
        Waarschuwing,
        VTC_RECIPIENTS,
        "a receiving party that does not say whether it passes the data on",
        "Signed protocols often say nothing about onward disclosure; a reviewer asks.",
    ),
    rule(
        "processors.missing_field",
        Fout,
        AVG_PROCESSORS,
        "a processor without name",
        "A processor row without a name prints an incomplete sentence in art. 4.",
    ),
    rule(
        "processors.task.missing",
        Waarschuwing,
        AVG_PROCESSORS,
        "a processor without task",
        "The task helps the reader; naming the processor is what matters.",
    ),
    rule(
        "shared_processor.parties.unknown",
        Fout,
        AVG_PROCESSORS,
        "a shared processor names no party, or a party or group the protocol does not have",
        "The protocol must say for whom a processor works; an unknown or missing party leaves that unsaid in the signed text.",
    ),
    rule(
        "processors.no_agreement",
        Waarschuwing,
        AVG_PROCESSORS,
        "a processor without processor agreement (art. 28 GDPR)",
        "Art. 28 AVG requires the agreement between controller and processor, not that the protocol states it; reference/002 only promises one ‘in voorkomend geval’.",
    ),
    rule(
        "data_subject_rights.missing",
        Waarschuwing,
        WVG_RIGHTS,
        "nothing on how data subjects exercise their rights",
        "Art. 20 WVG lists the exercise of rights, but reference/002 has no such article; a reviewer asks.",
    ),
    // Periodicity and duration
    rule(
        "flow.periodicity.detail.missing",
        Fout,
        WVG_PERIOD,
        "periodicity ‘other’ without description",
        "‘Other’ without a description leaves the periodicity, minimum content of art. 5, unstated.",
    ),
    rule(
        "flow.periodicity.day.missing",
        Info,
        VTC_FREQ,
        "a monthly flow without the day of the month",
        "The day of the month is a practical detail signed protocols sometimes give.",
    ),
    rule(
        "flow.periodicity.day.invalid",
        Fout,
        FORM_CLEAR,
        "a day of the month outside 1–31",
        "A day that does not exist is a factual error in the signed text.",
    ),
    rule(
        "flow.periodicity.justification.missing",
        Waarschuwing,
        VTC_FREQ,
        "a flow whose rhythm is not justified",
        "The VTC weighs the frequency against the purpose, but reference/002 states the rhythm with one clause; a reviewer asks.",
    ),
    rule(
        "duration.missing",
        Fout,
        WVG_DURATION,
        "no duration, a fixed term not described, or indefinite with no justification",
        "The duration is minimum content and the VTC weighs it; an unbounded disclosure without justification is not proportionate.",
    ),
    rule(
        "duration.justification.missing",
        Waarschuwing,
        VTC_DURATION,
        "a fixed term without justification",
        "A fixed term limits itself; its justification is asked for, not required.",
    ),
    // Security
    rule(
        "security.none",
        Fout,
        AVG_SECURITY,
        "no security measures",
        "Art. 32 AVG requires appropriate measures and art. 6 of every protocol states them.",
    ),
    rule(
        "security.channel.missing",
        Fout,
        AVG_SECURITY,
        "a flow over ‘another channel’ that does not say which secure channel",
        "‘Another channel’ without saying which leaves unstated how the data travel securely.",
    ),
    rule(
        "security.measure.empty",
        Waarschuwing,
        AVG_SECURITY,
        "a security measure without text",
        "An empty measure is noise the export skips; the other measures stand.",
    ),
    rule(
        "security.measure.encryption.missing",
        Waarschuwing,
        AVG_SECURITY,
        "files travel (SFTP, e-mail, Opgroeien case) but no encryption measure",
        "Encryption of files is good practice the VTC looks for, but reference/002 relies on the SFTP server alone.",
    ),
    rule(
        "security.measure.access_control.missing",
        Waarschuwing,
        VTC_RECIPIENTS,
        "no access-control measure",
        "Access control is what the VTC looks for, but reference/002 does not state it as a measure.",
    ),
    rule(
        "security.measure.confidentiality.missing",
        Info,
        AVG_SECURITY,
        "no confidentiality-declaration measure",
        "A confidentiality declaration is a common extra, not a requirement.",
    ),
    rule(
        "security.measure.logging.missing",
        Info,
        AVG_SECURITY,
        "no logging measure",
        "Logging is a common extra, not a requirement.",
    ),
    rule(
        "security.measure.deletion.missing",
        Waarschuwing,
        AVG_STORAGE,
        "no deletion-after-use measure",
        "Deletion after use follows from the retention period, which is an error of its own when missing.",
    ),
    rule(
        "security.measure.policy.missing",
        Waarschuwing,
        VTC_SECURITY,
        "no security policy/plan measure",
        "The VTC checks each party's security policy, but signed protocols rarely restate it.",
    ),
    // Advice
    rule(
        "dpo_advice.missing",
        Fout,
        EGOV_DPO,
        "a party whose DPO advice date is empty",
        "Art. 8, §1 requires the DPOs' advice before the protocol is concluded; without it, it cannot be signed.",
    ),
    rule(
        "dpo_advice.after_signing",
        Fout,
        EGOV_DPO,
        "a DPO advice date later than the signing date",
        "An advice after signing was not an advice on the draft: the protocol was concluded without it.",
    ),
    rule(
        "dpo_advice.in_future",
        Fout,
        EGOV_DPO,
        "a DPO advice date after today",
        "An advice dated in the future has not been given yet.",
    ),
    rule(
        "dpo_advice.outcome.missing",
        Waarschuwing,
        EGOV_DPO,
        "a dated DPO advice without outcome",
        "A signed protocol records that each DPO advised and when (reference/002 recitals F and G), not the outcome.",
    ),
    rule(
        "dpo_advice.unfavourable",
        Waarschuwing,
        EGOV_DPO,
        "an unfavourable DPO advice",
        "The DPO's advice does not bind the party; signing against it must be motivated, which a reviewer checks.",
    ),
    rule(
        "dpo_advice.conditions",
        Waarschuwing,
        EGOV_DPO,
        "‘gunstig onder voorwaarden’ without the conditions in the remarks",
        "The advice does not bind; conditions that are not written down cannot be checked, which a reviewer will ask about, but the text can be signed.",
    ),
    rule(
        "dpo_advice.conditions.unmet",
        Waarschuwing,
        EGOV_DPO,
        "a ‘gunstig onder voorwaarden’ advice: the conditions are to be met (and a favourable advice recorded) before signing",
        "The conditions are to be checked before signing; the advice does not bind.",
    ),
    rule(
        "vtc_advice.after_signing",
        Fout,
        ADVICE_FIRST,
        "the VTC advice date later than the signing date",
        "An advice after signing was not an advice on the draft.",
    ),
    rule(
        "vtc_advice.in_future",
        Fout,
        ADVICE_FIRST,
        "the VTC advice date after today",
        "An advice dated in the future has not been given yet.",
    ),
    // Municipal (Opgroeien template only)
    rule(
        "municipal.party.unknown",
        Fout,
        FORM_CLEAR,
        "the municipal case names a party that does not exist",
        "The municipal case must point at a party of the protocol, or its parts cannot be printed.",
    ),
    rule(
        "municipal.data_use.missing",
        Fout,
        AVG_PURPOSE,
        "no description of how the municipality uses the data",
        "How the municipality uses the data is its purpose in the standard protocol; without it the disclosure has no stated purpose.",
    ),
    rule(
        "municipal.financial_scenario.missing",
        Fout,
        OPGROEIEN,
        "no description of the financial scenario",
        "Opgroeien regie signs only with the municipality's scenario (reference/000, step 1): unsignable without it.",
    ),
    rule(
        "municipal.college_decision.missing",
        Fout,
        AVG_BASIS_COLLEGE,
        "no college decision date or reference",
        "The college decision regulates the support and is the municipality's basis; Opgroeien regie signs only with it (reference/000, step 2).",
    ),
    rule(
        "municipal.college_decision.after_signing",
        Fout,
        AVG_BASIS_COLLEGE,
        "the college decision dated after signing",
        "The decision must precede the protocol it grounds.",
    ),
    rule(
        "municipal.college_decision.in_future",
        Waarschuwing,
        AVG_BASIS_COLLEGE,
        "the college decision dated after today",
        "A decision on the agenda may be dated ahead; a reviewer checks it before signing.",
    ),
    rule(
        "municipal.channel.missing",
        Fout,
        AVG_SECURITY,
        "the exchange channel (SFTP or encrypted e-mail) not chosen",
        "How the file travels is part of the security of art. 6; Opgroeien regie sets it as a condition.",
    ),
    rule(
        "municipal.key_exchange.missing",
        Fout,
        AVG_SECURITY,
        "key exchange between the DPOs not confirmed",
        "The separate key exchange between the DPOs is Opgroeien's security condition for the exchange (reference/000, step 5).",
    ),
    rule(
        "municipal.destruction.missing",
        Fout,
        AVG_STORAGE,
        "destruction of the file after use not confirmed",
        "Destruction after use is the retention limit of the standard protocol (reference/000, step 5).",
    ),
    rule(
        "gdpr.security_policy.missing",
        Fout,
        AVG_SECURITY,
        "security policy with security plan not confirmed",
        "A security policy with a plan is a GDPR duty Opgroeien regie asks the municipality to confirm before it signs (reference/000, step 6).",
    ),
    rule(
        "gdpr.processing_register.missing",
        Fout,
        AVG_REGISTER,
        "entry in the processing register not confirmed",
        "The register entry (art. 30 AVG) is a duty Opgroeien regie asks the municipality to confirm before it signs.",
    ),
    rule(
        "gdpr.information_duty.missing",
        Fout,
        AVG_INFO,
        "information duty not confirmed",
        "The information duty (arts. 13–14 AVG) is a duty Opgroeien regie asks the municipality to confirm before it signs.",
    ),
    rule(
        "municipal.confirmation.detail.missing",
        Waarschuwing,
        OPGROEIEN,
        "a confirmed duty or commitment without saying how",
        "The duty is confirmed; how is asked for, not required.",
    ),
    // Clauses
    rule(
        "transparency.url.missing",
        Waarschuwing,
        EGOV_PUBLISH,
        "a party with no publication URL",
        "Art. 8, §1 requires publication, not that the protocol names the address; many signed protocols only say it is published on the parties' websites.",
    ),
    rule(
        "transparency.url.format",
        Waarschuwing,
        EGOV_PUBLISH,
        "a publication URL that is not a full http(s) address",
        "An incomplete address is worth correcting but publication is still promised.",
    ),
    rule(
        "articles.required.missing",
        Fout,
        EGOV,
        "the article list leaves out an article the legal minimum content needs (subject, purposes, data, recipients, periodicity and duration, security, sanction, notification duties, entry into force)",
        "Art. 8, §1 e-govdecreet and art. 20 WVG list what a protocol must say; without the article the protocol lacks a legal element.",
    ),
    rule(
        "articles.id.invalid",
        Fout,
        FORM_CLEAR,
        "an article without id, or with the id (or standard kind) of an earlier article",
        "References name articles by id; two articles with one id make a reference point at either.",
    ),
    rule(
        "articles.added.incomplete",
        Fout,
        FORM_READABLE,
        "an added article without title or text",
        "An article without title or text is a visible gap in the text that would be signed.",
    ),
    rule(
        "articles.reference.unknown",
        Fout,
        FORM_CLEAR,
        "a text refers with {artikel:id} to an article the protocol does not have",
        "The export would print 'artikel [onbekend: …]': the signed text would refer to nothing.",
    ),
    // Signing
    rule(
        "signing.missing",
        Fout,
        FORM_SIGN,
        "no signing place or date",
        "The closing “Opgemaakt te …, op …” is part of every signed text; without place or date the signature page has a gap.",
    ),
    rule(
        "title.date.differs",
        Info,
        FORM_CLEAR,
        "the document date under the title differs from the signing date",
        "Usually the same date; a difference can be intended.",
    ),
    // Any date
    rule(
        "date.before_decree",
        Fout,
        EGOV,
        "a date in the protocol before 18 July 2008, the date of the e-govdecreet",
        "Protocols, and the advice and decisions they record, are made under the decree of 18 July 2008; an earlier date is a mistyped year (‘25’ read as the year 25) that the signed text would print wrong.",
    ),
    rule(
        "date.far_future",
        Fout,
        FORM_CLEAR,
        "a date in the protocol more than ten years after today",
        "No protocol is dated or advised on ten years ahead; such a date is a mistyped year that the signed text would print wrong (it replaces `*.in_future` for the same date).",
    ),
    // Any text field
    rule(
        "template.placeholder",
        Fout,
        FORM_SIGN,
        "a template placeholder «…» left in a text field",
        "A «…» left in the text is a gap nobody can sign.",
    ),
    rule(
        "text.contains_insz",
        Waarschuwing,
        AVG_MIN,
        "free text containing something that passes the INSZ check",
        "A protocol describes data and should never contain a citizen's number, but the match may be a coincidence: check it.",
    ),
    // Review record
    rule(
        "review.open_comment",
        Waarschuwing,
        REVIEW,
        "a review comment that is not resolved yet",
        "An open comment asks for a change; the reviewer decides whether it blocks.",
    ),
    rule(
        "import.unplaced",
        Waarschuwing,
        REVIEW,
        "text of an imported protocol that the import placed in no field",
        "Nothing of a signed protocol may be lost silently: what the import could not place \
         is kept in the file and shown until someone puts it in its field or leaves it out.",
    ),
    rule(
        "review.step_to_correct",
        Fout,
        REVIEW,
        "a reviewer judged a step ‘te corrigeren’",
        "The reviewer judged the step must be corrected before signing.",
    ),
    rule(
        "review.step_to_improve",
        Waarschuwing,
        REVIEW,
        "a reviewer judged a step ‘te verbeteren’",
        "The reviewer suggests an improvement, not a precondition.",
    ),
    rule(
        "review.advice_outdated",
        Waarschuwing,
        EGOV_DPO,
        "a DPO's advice was given on content that has changed since",
        "The advice still exists; whether the change needs a new one is the DPO's call.",
    ),
    rule(
        "review.approval_outdated",
        Fout,
        REVIEW_APPROVAL,
        "the approval was given on content that has changed since; the document is a draft again",
        "An approval covers the approved text only; a changed text is a draft again and must not be signed as approved.",
    ),
];

/// The rule with this id, if any.
pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.id == id)
}
