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
    /// How the encrypted list travels, as older files recorded it. The fact lives in the
    /// flows' channels (step 2); [`MunicipalCase::channel`] derives it from them and uses
    /// this value only while no flow of the municipality has a channel.
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

impl MunicipalCase {
    /// How the encrypted list travels: the channel of the municipality's own flow (the INSZ
    /// list it sends), with the flow's index; the recorded value of an older file while no
    /// such flow has a channel (index `None`).
    pub fn channel(&self, flows: &[super::DataFlow]) -> (ExchangeChannel, Option<usize>) {
        use super::ChannelKind;
        let own = flows
            .iter()
            .position(|flow| flow.from_party == self.municipality_party)
            .or_else(|| {
                flows
                    .iter()
                    .position(|flow| flow.to_parties.contains(&self.municipality_party))
            });
        let from_flow = own.and_then(|index| match flows[index].channel {
            ChannelKind::Sftp => Some(ExchangeChannel::Sftp),
            ChannelKind::EncryptedEmail => Some(ExchangeChannel::EncryptedEmail),
            _ => None,
        });
        match from_flow {
            Some(channel) => (channel, own),
            None if own.is_some() && self.exchange_channel == ExchangeChannel::Unchosen => {
                (ExchangeChannel::Unchosen, own)
            }
            None => (self.exchange_channel, own),
        }
    }
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
