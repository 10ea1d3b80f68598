//! The municipality's part of the Opgroeien case (standard protocol for local authorities):
//! what it will do with the data, its financial scenario, the college decision, the exchange
//! arrangements and its GDPR duties.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the municipality adds to the Opgroeien standard protocol.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct MunicipalCase {
    /// The id of the municipality's party in `parties`.
    pub municipality_party: String,
    /// How the municipality will use the data it receives (filter, enrich, grant).
    pub data_use: String,
    /// The specific financial scenario: which support, for whom, how much, how paid.
    pub financial_scenario: String,
    /// The decision of the college van burgemeester en schepenen (and vast bureau).
    pub college_decision: CollegeDecision,
    /// How the encrypted list travels.
    pub exchange_channel: ExchangeChannel,
    /// How the DPOs exchange the key of the encrypted file.
    pub key_exchange: Confirmation,
    /// The commitment to destroy the file once it is no longer needed.
    pub destruction: Confirmation,
    /// A security policy with a security plan.
    pub security_policy: Confirmation,
    /// The processing is entered in the processing register (verwerkingsregister).
    pub processing_register: Confirmation,
    /// The citizens concerned are informed (informatieplicht), and how.
    pub information_duty: Confirmation,
}

/// The college decision that regulates the support.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct CollegeDecision {
    /// Date of the decision.
    pub date: Option<NaiveDate>,
    /// Its reference (agendapunt, dossiernummer).
    pub reference: String,
    /// Which body decided, e.g. "college van burgemeester en schepenen en vast bureau".
    pub body: String,
}

/// The exchange channel the municipality chooses for the INSZ list.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ExchangeChannel {
    /// Not chosen yet.
    #[default]
    Unchosen,
    /// Opgroeien regie's SFTP server.
    Sftp,
    /// Encrypted e-mail.
    EncryptedEmail,
}

impl ExchangeChannel {
    /// Every value, in the order a form offers them.
    pub const ALL: [ExchangeChannel; 3] = [
        ExchangeChannel::Unchosen,
        ExchangeChannel::Sftp,
        ExchangeChannel::EncryptedEmail,
    ];

    /// The channel in Dutch; empty when not chosen.
    pub fn label(self) -> &'static str {
        match self {
            ExchangeChannel::Unchosen => "",
            ExchangeChannel::Sftp => "SFTP-server van Opgroeien regie",
            ExchangeChannel::EncryptedEmail => "versleutelde e-mail",
        }
    }
}

/// A duty or commitment the municipality confirms, with how it meets it.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Confirmation {
    /// Whether the municipality confirms it.
    pub confirmed: bool,
    /// How, in a sentence or two (e.g. where the register entry is, how citizens are told).
    pub detail: String,
}
