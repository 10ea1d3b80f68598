//! The protocol's articles that are not about one party or one flow: recitals, term,
//! security, standard clauses, annexes, and the small enums they use.

use serde::{Deserialize, Serialize};

/// Recitals C1, C2, C3 and D.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Recitals {
    /// C1: the general context, and why the recipient needs the data.
    pub context: String,
    /// C2: how the planned flow runs; what is new or changes.
    pub planned_flow: String,
    /// C3: whether the flow runs through a service integrator, and why (not).
    pub service_integrator: String,
    /// D: the parties' wish to conclude and publish the protocol.
    pub intent: String,
}

/// How data travel in a flow.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ChannelKind {
    /// Not chosen yet.
    #[default]
    Unspecified,
    /// A secured SFTP server.
    Sftp,
    /// Encrypted e-mail, key exchanged separately.
    EncryptedEmail,
    /// Through a service integrator (MAGDA / Vlaamse Dienstenintegrator).
    ServiceIntegrator,
    /// A secured web service (API) between the parties.
    WebService,
    /// Something else, described in the detail text.
    Other,
}

impl ChannelKind {
    /// Every channel, in the order a form offers them.
    pub const ALL: [ChannelKind; 6] = [
        ChannelKind::Unspecified,
        ChannelKind::Sftp,
        ChannelKind::EncryptedEmail,
        ChannelKind::ServiceIntegrator,
        ChannelKind::WebService,
        ChannelKind::Other,
    ];

    /// The channel in Dutch; empty when unspecified.
    pub fn label(self) -> &'static str {
        match self {
            ChannelKind::Unspecified => "",
            ChannelKind::Sftp => "beveiligde SFTP-server",
            ChannelKind::EncryptedEmail => "versleutelde e-mail",
            ChannelKind::ServiceIntegrator => "dienstenintegrator (MAGDA)",
            ChannelKind::WebService => "beveiligde webdienst",
            ChannelKind::Other => "ander kanaal",
        }
    }
}

/// How often a flow runs.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Frequency {
    /// Not chosen yet.
    #[default]
    Unspecified,
    /// Once (eenmalig).
    Once,
    /// Every day.
    Daily,
    /// Every week.
    Weekly,
    /// Every month, possibly by a given day.
    Monthly,
    /// Every quarter.
    Quarterly,
    /// Every year.
    Yearly,
    /// Permanent consultation (the recipient consults when it needs to).
    Continuous,
    /// Each time the recipient asks.
    OnRequest,
    /// Something else, described in the detail text.
    Other,
}

impl Frequency {
    /// Every frequency, in the order a form offers them.
    pub const ALL: [Frequency; 10] = [
        Frequency::Unspecified,
        Frequency::Once,
        Frequency::Daily,
        Frequency::Weekly,
        Frequency::Monthly,
        Frequency::Quarterly,
        Frequency::Yearly,
        Frequency::Continuous,
        Frequency::OnRequest,
        Frequency::Other,
    ];

    /// The frequency in Dutch; empty when unspecified.
    pub fn label(self) -> &'static str {
        match self {
            Frequency::Unspecified => "",
            Frequency::Once => "eenmalig",
            Frequency::Daily => "dagelijks",
            Frequency::Weekly => "wekelijks",
            Frequency::Monthly => "maandelijks",
            Frequency::Quarterly => "driemaandelijks",
            Frequency::Yearly => "jaarlijks",
            Frequency::Continuous => "permanente raadpleging",
            Frequency::OnRequest => "op aanvraag",
            Frequency::Other => "andere periodiciteit",
        }
    }
}

/// Whether a data item is a special category under the GDPR.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SpecialCategory {
    /// An ordinary personal data item.
    #[default]
    None,
    /// A special category (art. 9 AVG: health, ethnic origin, religion, …).
    Article9,
    /// Criminal convictions and offences (art. 10 AVG).
    Article10,
}

impl SpecialCategory {
    /// Every value, in the order a form offers them.
    pub const ALL: [SpecialCategory; 3] = [
        SpecialCategory::None,
        SpecialCategory::Article9,
        SpecialCategory::Article10,
    ];

    /// The category in Dutch.
    pub fn label(self) -> &'static str {
        match self {
            SpecialCategory::None => "geen bijzondere categorie",
            SpecialCategory::Article9 => "bijzondere categorie (art. 9 AVG)",
            SpecialCategory::Article10 => "strafrechtelijke gegevens (art. 10 AVG)",
        }
    }

    /// Whether this is a special category at all.
    pub fn is_special(self) -> bool {
        self != SpecialCategory::None
    }
}

/// Art. 5: how long the protocol runs.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Term {
    /// Fixed or indefinite.
    pub kind: TermKind,
    /// The term in words, e.g. "tot en met 31 december 2026" or "tot de gegevens vernietigd zijn".
    pub description: String,
    /// Why this duration.
    pub justification: String,
}

/// Fixed or indefinite duration.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TermKind {
    /// Not chosen yet.
    #[default]
    Unspecified,
    /// A fixed term.
    Fixed,
    /// An indefinite term (needs a justification).
    Indefinite,
}

impl TermKind {
    /// Every value, in the order a form offers them.
    pub const ALL: [TermKind; 3] = [TermKind::Unspecified, TermKind::Fixed, TermKind::Indefinite];

    /// The kind in Dutch; empty when unspecified.
    pub fn label(self) -> &'static str {
        match self {
            TermKind::Unspecified => "",
            TermKind::Fixed => "bepaalde duur",
            TermKind::Indefinite => "onbepaalde duur",
        }
    }
}

/// Art. 6: security measures.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Security {
    /// The measures, each typed so the check can see what is covered.
    pub measures: Vec<SecurityMeasure>,
    /// Any further text (proof of the measures on request, processors clause, …).
    pub additional_text: String,
}

impl Security {
    /// Whether a measure of this kind is present with some text.
    pub fn has(&self, kind: MeasureKind) -> bool {
        self.measures
            .iter()
            .any(|measure| measure.kind == kind && !measure.text.trim().is_empty())
    }
}

/// One security measure.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct SecurityMeasure {
    /// What kind of measure.
    pub kind: MeasureKind,
    /// The measure in the protocol's words.
    pub text: String,
}

/// Kinds of security measure that reviewers look for.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MeasureKind {
    /// The secure channel the data travel over.
    Channel,
    /// Encryption of the file or the data.
    Encryption,
    /// Staff with access sign a confidentiality declaration.
    ConfidentialityDeclaration,
    /// Access control, e.g. two-factor authentication, role-based access.
    AccessControl,
    /// Access and processing are logged.
    Logging,
    /// Files are hashed so changes are detected.
    Hashing,
    /// Pseudonymisation of the data.
    Pseudonymisation,
    /// Data are deleted once no longer needed.
    DeletionAfterUse,
    /// A security policy with a security plan.
    SecurityPolicy,
    /// Anything else.
    #[default]
    Other,
}

impl MeasureKind {
    /// Every kind, in the order a checklist offers them.
    pub const ALL: [MeasureKind; 10] = [
        MeasureKind::Channel,
        MeasureKind::Encryption,
        MeasureKind::ConfidentialityDeclaration,
        MeasureKind::AccessControl,
        MeasureKind::Logging,
        MeasureKind::Hashing,
        MeasureKind::Pseudonymisation,
        MeasureKind::DeletionAfterUse,
        MeasureKind::SecurityPolicy,
        MeasureKind::Other,
    ];

    /// The kind in Dutch.
    pub fn label(self) -> &'static str {
        match self {
            MeasureKind::Channel => "beveiligd kanaal",
            MeasureKind::Encryption => "versleuteling",
            MeasureKind::ConfidentialityDeclaration => "vertrouwelijkheidsverklaring",
            MeasureKind::AccessControl => "toegangsbeheer (tweefactorauthenticatie)",
            MeasureKind::Logging => "logging van toegang",
            MeasureKind::Hashing => "hashing van bestanden",
            MeasureKind::Pseudonymisation => "pseudonimisering",
            MeasureKind::DeletionAfterUse => "verwijdering na gebruik",
            MeasureKind::SecurityPolicy => "informatieveiligheidsbeleid en -plan",
            MeasureKind::Other => "andere maatregel",
        }
    }
}

/// Articles 7 to 12: standard clauses the template provides and the user rarely edits.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct StandardClauses {
    /// Art. 7: quality of the data.
    pub data_quality: String,
    /// Art. 8: sanction for non-compliance.
    pub sanction: String,
    /// Art. 9: notification duties (breaches via the DPOs, changes of law or processors).
    pub notification: String,
    /// Art. 10: transparency; the publication URLs per party follow this text.
    pub transparency: String,
    /// Art. 11: applicable law, disputes, severability, amendments.
    pub law_and_disputes: String,
    /// Art. 12: entry into force, notice, termination.
    pub entry_into_force: String,
}

/// An annex (bijlage) listed after the signatures.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Annex {
    /// Title, e.g. "Besluit van het college van burgemeester en schepenen".
    pub title: String,
    /// A line on what it holds, optional.
    pub description: String,
}
