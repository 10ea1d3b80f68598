//! Several parties named together (“hierna samen: ‘de private uitbetalingsactoren’”), and
//! processors that work for several parties at once.

use serde::{Deserialize, Serialize};

use super::party::{Article, Processor, Purpose};

/// A group of parties that the text names once. Its members are the parties whose `group` is
/// this group's id; each keeps its own name, KBO, address, representative, DPO and advice,
/// while what the group shares is written here, once.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct PartyGroup {
    /// Stable key the members refer to, e.g. `uitbetalingsactoren`.
    pub id: String,
    /// The collective name as the text uses it, without article: "private
    /// uitbetalingsactoren".
    pub name: String,
    /// The article the collective name takes: "de private uitbetalingsactoren".
    pub article: Option<Article>,
    /// One legal-status recital for the whole group.
    pub legal_status: String,
    /// As providers: the purposes for which the members originally collected the data.
    pub original_purposes: Vec<Purpose>,
    /// As recipients: the purposes for which the members will process the data.
    pub processing_purposes: Vec<Purpose>,
    /// As recipients: the services or teams that get access, at every member.
    pub services_with_access: Vec<String>,
    /// As recipients: how access is limited to those who need to know.
    pub need_to_know: String,
    /// As recipients: to whom, if anyone, the members pass the data on.
    pub onward_disclosure: String,
    /// As recipients: processors the members use for these data.
    pub processors: Vec<Processor>,
}

/// What a party, or a group for all its members, says about its purposes and what it does
/// as a recipient: the texts that a group writes once for its members.
#[derive(Clone, Copy, Debug)]
pub struct SharedTexts<'a> {
    /// As provider: the original purposes.
    pub original_purposes: &'a [Purpose],
    /// As recipient: the purposes of the processing.
    pub processing_purposes: &'a [Purpose],
    /// As recipient: the services with access.
    pub services_with_access: &'a [String],
    /// As recipient: how access is limited.
    pub need_to_know: &'a str,
    /// As recipient: onward disclosure.
    pub onward_disclosure: &'a str,
    /// As recipient: its own processors.
    pub processors: &'a [Processor],
}

impl PartyGroup {
    /// The texts the group writes once for all its members.
    pub fn shared_texts(&self) -> SharedTexts<'_> {
        SharedTexts {
            original_purposes: &self.original_purposes,
            processing_purposes: &self.processing_purposes,
            services_with_access: &self.services_with_access,
            need_to_know: &self.need_to_know,
            onward_disclosure: &self.onward_disclosure,
            processors: &self.processors,
        }
    }

    /// The collective name with its article, on one line: "de private uitbetalingsactoren";
    /// "groep N" (`index` 0-based) while it has no name.
    pub fn name_in_text(&self, index: usize) -> String {
        let name = self.name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            format!("groep {}", index + 1)
        } else {
            Article::put_before(self.article, &name)
        }
    }
}

/// A processor that works for several parties ("KRING – Cegeka" for all recipients), listed
/// once instead of once per party.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq)]
#[serde(default, deny_unknown_fields)]
pub struct SharedProcessor {
    /// The ids of the parties (or groups) it works for, in document order.
    pub parties: Vec<String>,
    /// The processor: name, task, agreement.
    pub processor: Processor,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_names_take_their_article() {
        let group = PartyGroup {
            name: "private  uitbetalingsactoren".into(),
            article: Some(Article::De),
            ..PartyGroup::default()
        };
        assert_eq!(group.name_in_text(0), "de private uitbetalingsactoren");
        assert_eq!(PartyGroup::default().name_in_text(1), "groep 2");
    }
}
