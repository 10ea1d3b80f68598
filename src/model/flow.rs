//! Data flows (gegevensstromen) and the data items that travel in them.

use serde::{Deserialize, Serialize};

use super::content::{ChannelKind, Frequency, SpecialCategory};

/// One data flow: from one party to one or more others, over one channel, at one rhythm.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct DataFlow {
    /// Stable key that data items refer to, e.g. `insz-lijst`.
    pub id: String,
    /// Name as shown in the document, e.g. "Lijst met INSZ-nummers van de gemeente".
    pub name: String,
    /// The id of the party that sends the data.
    pub from_party: String,
    /// The ids of the parties that receive the data.
    pub to_parties: Vec<String>,
    /// The id of a party the data pass through on their way (VAPH → Opgroeien regie → the
    /// competent payment actor); empty when they go straight to the recipients.
    pub via_party: String,
    /// What happens in this flow, step by step (feeds recital C2).
    pub description: String,
    /// How the data travel.
    pub channel: ChannelKind,
    /// Details of the channel: which server, who manages it, how the key is exchanged.
    pub channel_detail: String,
    /// Whether the flow runs through a service integrator (recital C3).
    pub via_service_integrator: bool,
    /// Which service integrator, e.g. "Vlaamse Dienstenintegrator (MAGDA)".
    pub service_integrator: String,
    /// How often the data flow.
    pub periodicity: Periodicity,
    /// Why this rhythm is needed (art. 5).
    pub justification: String,
}

impl DataFlow {
    /// The flow's name on one line, or "Gegevensstroom N" (`index` is 0-based) while it has none.
    pub fn name_or_number(&self, index: usize) -> String {
        let name = self.name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            format!("Gegevensstroom {}", index + 1)
        } else {
            name
        }
    }
}

/// How often a flow runs.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct Periodicity {
    /// The rhythm.
    pub frequency: Frequency,
    /// For a monthly flow: the day of the month by which the data are sent ("uiterlijk de 5e").
    pub day_of_month: Option<u8>,
    /// Anything more, e.g. "in de loop van 2025", "na elke aanvraag van de gemeente".
    pub detail: String,
}

impl Periodicity {
    /// The periodicity in Dutch, e.g. "maandelijks, uiterlijk op de 5e van de maand".
    /// Empty when nothing is set.
    pub fn describe(&self) -> String {
        let mut text = self.frequency.label().to_string();
        if let (Frequency::Monthly, Some(day)) = (self.frequency, self.day_of_month) {
            text.push_str(&format!(", uiterlijk op de {day}e van de maand"));
        }
        let detail = self.detail.trim();
        if !detail.is_empty() {
            if !text.is_empty() {
                text.push_str(", ");
            }
            text.push_str(detail);
        }
        text
    }
}

/// One data item (gegeven) that is disclosed, with why it is necessary.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct DataItem {
    /// What the item is ("het INSZ-nummer van het rechtgevend kind").
    pub description: String,
    /// The proportionality justification: why this item is necessary, for which purpose.
    pub justification: String,
    /// For which of the purposes in art. 2 it is disclosed, when there are several.
    pub purpose: String,
    /// The ids of the flows it travels in.
    pub flows: Vec<String>,
    /// Its own retention period, when it differs from the protocol's.
    pub retention: String,
    /// Whether it is a special category (GDPR art. 9) or criminal data (art. 10).
    pub special_category: SpecialCategory,
    /// Why processing that special category is allowed and necessary.
    pub special_category_justification: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monthly_periodicity_names_the_day() {
        let periodicity = Periodicity {
            frequency: Frequency::Monthly,
            day_of_month: Some(5),
            detail: String::new(),
        };
        assert_eq!(
            periodicity.describe(),
            "maandelijks, uiterlijk op de 5e van de maand"
        );
    }

    #[test]
    fn empty_periodicity_describes_as_empty() {
        assert_eq!(Periodicity::default().describe(), "");
        let detail_only = Periodicity {
            detail: "in de loop van 2025".into(),
            ..Periodicity::default()
        };
        assert_eq!(detail_only.describe(), "in de loop van 2025");
    }
}
