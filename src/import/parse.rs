//! From source blocks to a protocol: the structure every art. 8 protocol follows (title block,
//! TUSSEN / EN, NA TE HEBBEN UITEENGEZET, the articles by their titles, the closing, the
//! signatures, the annexes), read the way a reader reads it. Each block ends up in a field
//! (recorded as a placement) or in the "niet geplaatst" list, never nowhere.

use super::dates::{find_date, whole_date};
use super::source::{BlockKind, SourceBlock, one_line};
use crate::model::{
    Annex, Article, ArticleEntry, ChannelKind, DataFlow, DataItem, Frequency, MeasureKind, Party,
    PartyGroup, Processor, Protocol, Purpose, SecurityMeasure, Signatory, StandardArticle,
    TermKind,
};
use crate::model::{ImportPlacement, UnplacedText};

/// A protocol read from a source document, with what was placed where and what was not.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// The protocol as far as the source could be read.
    pub protocol: Protocol,
    /// Where each field's text came from.
    pub placements: Vec<ImportPlacement>,
    /// What could not be placed, with the original text.
    pub unplaced: Vec<UnplacedText>,
    /// Standard wording recognised and not kept (it is generated again on export).
    pub standard_text: Vec<ImportPlacement>,
}

/// Reads `blocks` as an art. 8 protocol.
pub fn parse(blocks: &[SourceBlock]) -> Parsed {
    let mut parser = Parser {
        parsed: Parsed::default(),
        frequency: None,
        periodicity_text: String::new(),
        block_signers: Vec::new(),
        section: "Titel".to_string(),
    };
    parser.parsed.protocol = Protocol::default();
    let sections = Sections::find(blocks);
    parser.front(&blocks[..sections.parties.unwrap_or(sections.recitals.unwrap_or(0))]);
    if let Some(start) = sections.parties {
        let end = sections
            .recitals
            .or(sections.first_article)
            .unwrap_or(blocks.len());
        parser.section = "Partijen".to_string();
        parser.parties(&blocks[start..end.max(start)]);
    }
    if let Some(start) = sections.recitals {
        let end = sections
            .agreed
            .or(sections.first_article)
            .unwrap_or(blocks.len());
        parser.section = "Overwegingen".to_string();
        parser.recitals(&blocks[start..end.max(start)]);
    }
    if let Some(agreed) = sections.agreed {
        let end = sections.first_article.unwrap_or(agreed + 1);
        for block in &blocks[agreed..end.max(agreed)] {
            parser.standard(block, "WORDT OVEREENGEKOMEN WAT VOLGT");
        }
    }
    let articles_end = sections.closing.unwrap_or(blocks.len());
    for (number, (start, end)) in sections.articles.iter().enumerate() {
        let end = (*end).min(articles_end);
        if *start < end {
            parser.article(number, &blocks[*start..end]);
        }
    }
    if let Some(closing) = sections.closing {
        parser.section = "Slot en handtekeningen".to_string();
        parser.closing(&blocks[closing..]);
    }
    parser.finish();
    parser.parsed
}

/// Where the main parts of the document start (block indices).
#[derive(Debug, Default)]
struct Sections {
    parties: Option<usize>,
    recitals: Option<usize>,
    agreed: Option<usize>,
    first_article: Option<usize>,
    /// Each article's block range, heading included.
    articles: Vec<(usize, usize)>,
    closing: Option<usize>,
}

impl Sections {
    fn find(blocks: &[SourceBlock]) -> Self {
        let mut sections = Sections::default();
        let mut starts = Vec::new();
        for (index, block) in blocks.iter().enumerate() {
            let text = block.text.trim();
            let upper = text.to_uppercase();
            if sections.parties.is_none() && (upper == "TUSSEN" || upper == "TUSSEN:") {
                sections.parties = Some(index);
            } else if sections.recitals.is_none()
                && (upper.starts_with("NA TE HEBBEN UITEENGEZET")
                    || upper == "OVERWEGENDE DAT"
                    || upper.starts_with("OVERWEGENDE:"))
            {
                sections.recitals = Some(index);
            } else if sections.agreed.is_none() && upper.starts_with("WORDT OVEREENGEKOMEN") {
                sections.agreed = Some(index);
            } else if sections.closing.is_none()
                && !starts.is_empty()
                && (text.starts_with("Opgemaakt te") || text.starts_with("Opgemaakt in"))
            {
                sections.closing = Some(index);
            } else if sections.closing.is_none() && article_heading(block).is_some() {
                starts.push(index);
            }
        }
        // A heading "Partijen" or "Overwegingen" of our own exports comes just before.
        sections.first_article = starts.first().copied();
        let end = sections.closing.unwrap_or(blocks.len());
        sections.articles = starts
            .iter()
            .enumerate()
            .map(|(position, start)| (*start, starts.get(position + 1).copied().unwrap_or(end)))
            .collect();
        sections
    }
}

/// "Artikel 3: De gevraagde persoonsgegevens …" → (3, title). Not "Artikel 4, 5 en 7 van het
/// decreet …" (a legal basis in a list), so a separator and a capitalised title must follow.
pub fn article_heading(block: &SourceBlock) -> Option<(u32, String)> {
    if !block.cells.is_empty() || block.kind == BlockKind::ListItem {
        return None;
    }
    let text = block.text.trim();
    let rest = text
        .strip_prefix("Artikel ")
        .or_else(|| text.strip_prefix("ARTIKEL "))
        .or_else(|| text.strip_prefix("Art. "))?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let number: u32 = digits.parse().ok()?;
    let after = rest[digits.len()..].trim_start();
    let title = after
        .strip_prefix(':')
        .or_else(|| after.strip_prefix('.'))
        .or_else(|| after.strip_prefix('-'))
        .or_else(|| after.strip_prefix('–'))?
        .trim();
    let first = title.chars().next()?;
    (first.is_uppercase() && title.chars().count() < 250).then(|| (number, title.to_string()))
}

/// Which standard article a title names, by its key words.
pub fn standard_article_for(title: &str) -> Option<StandardArticle> {
    StandardArticle::from_title(title)
}

struct Parser {
    parsed: Parsed,
    /// The periodicity art. 5 states, and its sentence, for the flows made at the end.
    frequency: Option<Frequency>,
    periodicity_text: String,
    /// Who the signature block names, per party (index, name), in order.
    block_signers: Vec<(usize, String)>,
    /// The part of the document being read, for the report ("Artikel 3: …").
    section: String,
}

impl Parser {
    fn protocol(&mut self) -> &mut Protocol {
        &mut self.parsed.protocol
    }

    fn placed(&mut self, path: impl Into<String>, block: &SourceBlock) {
        self.parsed.placements.push(ImportPlacement {
            path: path.into(),
            origin: block.origin.to_string(),
        });
    }

    fn standard(&mut self, block: &SourceBlock, what: &str) {
        self.parsed.standard_text.push(ImportPlacement {
            path: what.to_string(),
            origin: block.origin.to_string(),
        });
    }

    fn unplaced(&mut self, block: &SourceBlock) {
        if block.text.trim().is_empty() {
            return;
        }
        self.parsed.unplaced.push(UnplacedText {
            section: self.section.clone(),
            origin: block.origin.to_string(),
            text: block.text.clone(),
        });
    }

    // ----- Title block ---------------------------------------------------------------------

    fn front(&mut self, blocks: &[SourceBlock]) {
        let mut title_lines: Vec<&str> = Vec::new();
        let mut title_done = false;
        for block in blocks {
            let text = block.text.trim();
            let lower = text.to_lowercase();
            if let Some(context) = lower
                .starts_with("in het kader van ")
                .then(|| text["in het kader van ".len()..].trim())
            {
                title_done = true;
                self.protocol().title.context = context.trim_end_matches('.').to_string();
                self.placed("title.context", block);
            } else if let Some(date) = whole_date(text) {
                title_done = true;
                self.protocol().title.date = Some(date);
                self.placed("title.date", block);
            } else if lower.starts_with("dit protocol wordt gesloten") {
                title_done = true;
                self.standard(
                    block,
                    "rechtsgrond van het protocol (art. 8, §1, e-govdecreet)",
                );
            } else if matches!(lower.as_str(), "partijen" | "ontwerp") || is_running_header(text) {
                self.standard(block, "tussentitel");
            } else if !title_done {
                title_lines.push(text);
                self.placed("title.text", block);
            } else {
                self.unplaced(block);
            }
        }
        let title = one_line(&title_lines.join(" "));
        self.protocol().title.text = if title.chars().any(char::is_lowercase) {
            title
        } else {
            sentence_case(&title)
        };
    }

    // ----- Parties -------------------------------------------------------------------------

    fn parties(&mut self, blocks: &[SourceBlock]) {
        let mut group_start: Option<(usize, String)> = None;
        for block in blocks {
            let text = block.text.trim();
            let upper = text.to_uppercase();
            if matches!(
                upper.as_str(),
                "TUSSEN" | "TUSSEN:" | "EN" | "EN:" | "PARTIJEN" | "OVERWEGINGEN"
            ) {
                self.standard(block, "TUSSEN / EN");
                continue;
            }
            if let Some(short) = definition(text, "hierna samen:") {
                let members_from = group_start.take().map_or(0, |(from, _)| from);
                let (article, name) = split_article(&short);
                let id = slug(&name);
                let mut group = PartyGroup {
                    id: id.clone(),
                    name,
                    article,
                    ..PartyGroup::default()
                };
                group.name = one_line(&group.name);
                for party in self.protocol().parties.iter_mut().skip(members_from) {
                    party.group = id.clone();
                }
                let number = self.protocol().groups.len();
                self.protocol().groups.push(group);
                self.placed(format!("groups[{number}].name"), block);
                continue;
            }
            if let Some(short) = definition(text, "hierna:") {
                if let Some(index) = self.protocol().parties.len().checked_sub(1) {
                    let (article, name) = split_article(&short);
                    let party = &mut self.protocol().parties[index];
                    party.short_name = name;
                    if article.is_some() {
                        party.article = article;
                    }
                    self.placed(format!("parties[{index}].short_name"), block);
                } else {
                    self.unplaced(block);
                }
                continue;
            }
            let lower = text.to_lowercase();
            if lower.contains("“partij”")
                || lower.contains("\"partij\"")
                || lower.contains("‘partij’")
                || lower.contains("een partij")
            {
                self.standard(block, "partijen samen genoemd");
                continue;
            }
            if text.ends_with(':') && !looks_like_party(text) {
                let name = strip_count(text.trim_end_matches(':'));
                group_start = Some((self.protocol().parties.len(), name));
                self.standard(block, "inleiding van een groep");
                continue;
            }
            if looks_like_party(text) {
                let index = self.protocol().parties.len();
                let party = party_clause(text, index);
                let inline_short = definition(text, "hierna:");
                self.protocol().parties.push(party);
                for field in ["legal_name", "kbo", "address", "signatories"] {
                    self.placed(format!("parties[{index}].{field}"), block);
                }
                if let Some(short) = inline_short {
                    let (article, name) = split_article(&short);
                    let party = &mut self.protocol().parties[index];
                    party.short_name = name;
                    party.article = article.or(party.article);
                }
                continue;
            }
            self.unplaced(block);
        }
    }

    // ----- Recitals ------------------------------------------------------------------------

    fn recitals(&mut self, blocks: &[SourceBlock]) {
        #[derive(Clone, Copy, PartialEq)]
        enum Part {
            None,
            Status(usize),
            GroupStatus(usize),
            Context,
            PlannedFlow,
            ServiceIntegrator,
            Intent,
            Other,
        }
        let mut part = Part::None;
        for block in blocks {
            let text = block.text.trim();
            let upper = text.to_uppercase();
            if upper.starts_with("NA TE HEBBEN UITEENGEZET") || upper.starts_with("OVERWEGENDE") {
                self.standard(block, "NA TE HEBBEN UITEENGEZET");
                continue;
            }
            if block.kind == BlockKind::Heading
                && matches!(
                    text.to_lowercase().as_str(),
                    "overwegingen" | "juridisch statuut van de partijen" | "adviezen"
                )
            {
                self.standard(block, "tussentitel");
                continue;
            }
            let (_, without_letter) = recital_letter(text);
            let subheading = matches!(
                without_letter.to_lowercase().as_str(),
                "juridisch statuut van de partijen"
                    | "adviezen"
                    | "sluiten en bekendmaken van het protocol"
            );
            if subheading || (block.kind == BlockKind::Heading && context_part(text).is_none()) {
                self.standard(block, "tussentitel");
                continue;
            }
            if text.starts_with("Het protocol regelt") && text.ends_with(':') {
                self.standard(block, "inleiding van de gegevensstromen");
                continue;
            }
            if block.kind == BlockKind::ListItem
                && let Some(flow) = self.flow_overview_item(text)
            {
                let index = self.parsed.protocol.flows.len();
                self.protocol().flows.push(flow);
                self.placed(format!("flows[{index}]"), block);
                continue;
            }
            if let Some(number) = context_part(text) {
                part = match number {
                    1 => Part::Context,
                    2 => Part::PlannedFlow,
                    _ => Part::ServiceIntegrator,
                };
                self.standard(block, "titel van een deel van overweging C");
                continue;
            }
            let (letter, body) = recital_letter(text);
            let lower = body.to_lowercase();
            if lower.contains("functionaris voor gegevensbescherming")
                && lower.contains("advies")
                && let Some((date, _)) = find_date(body)
                && let Some(index) = self.party_named_in(body)
            {
                let party = &mut self.protocol().parties[index];
                party.dpo_advice.date = Some(date);
                if lower.contains("gunstig") {
                    party.dpo_advice.outcome = Some(if lower.contains("ongunstig") {
                        crate::model::AdviceOutcome::Unfavourable
                    } else if lower.contains("voorwaarden") {
                        crate::model::AdviceOutcome::FavourableWithConditions
                    } else {
                        crate::model::AdviceOutcome::Favourable
                    });
                } else {
                    party.dpo_advice.outcome_not_stated = true;
                }
                self.placed(format!("parties[{index}].dpo_advice.date"), block);
                part = Part::Other;
                continue;
            }
            if lower.contains("toezichtcommissie")
                && let Some((date, _)) = find_date(body)
            {
                self.protocol().vtc_advice_date = Some(date);
                self.placed("vtc_advice_date", block);
                part = Part::Other;
                continue;
            }
            if lower.contains("wensen") && lower.contains("protocol te sluiten") {
                self.protocol().recitals.intent = body.to_string();
                self.placed("recitals.intent", block);
                part = Part::Intent;
                continue;
            }
            if letter && matches!(part, Part::None | Part::Status(_) | Part::GroupStatus(_)) {
                if let Some(group) = self.group_named_at_start(body) {
                    let status = strip_name_prefix(body, &self.protocol().groups[group].name);
                    self.protocol().groups[group].legal_status = status;
                    self.placed(format!("groups[{group}].legal_status"), block);
                    part = Part::GroupStatus(group);
                    continue;
                }
                if let Some(index) = self.party_named_in(body) {
                    let names = {
                        let party = &self.protocol().parties[index];
                        vec![party.name_in_text(index), party.legal_name_in_text()]
                    };
                    let mut status = body.to_string();
                    for name in names {
                        status = strip_name_prefix(&status, &name);
                    }
                    self.protocol().parties[index].legal_status = status;
                    self.placed(format!("parties[{index}].legal_status"), block);
                    part = Part::Status(index);
                    continue;
                }
            }
            if letter && part != Part::None {
                part = Part::Other;
            }
            let (path, field): (String, Option<&mut String>) = match part {
                Part::Status(index) => (
                    format!("parties[{index}].legal_status"),
                    Some(&mut self.parsed.protocol.parties[index].legal_status),
                ),
                Part::GroupStatus(index) => (
                    format!("groups[{index}].legal_status"),
                    Some(&mut self.parsed.protocol.groups[index].legal_status),
                ),
                Part::Context => (
                    "recitals.context".into(),
                    Some(&mut self.parsed.protocol.recitals.context),
                ),
                Part::PlannedFlow => (
                    "recitals.planned_flow".into(),
                    Some(&mut self.parsed.protocol.recitals.planned_flow),
                ),
                Part::ServiceIntegrator => (
                    "recitals.service_integrator".into(),
                    Some(&mut self.parsed.protocol.recitals.service_integrator),
                ),
                Part::Intent => (
                    "recitals.intent".into(),
                    Some(&mut self.parsed.protocol.recitals.intent),
                ),
                Part::None | Part::Other => (String::new(), None),
            };
            match field {
                Some(field) => {
                    append_paragraph(field, &block_text(block));
                    self.placed(path, block);
                }
                None => self.unplaced(block),
            }
        }
    }

    /// "Naam: van X [via Y] aan Z, zonder dienstenintegrator. Omschrijving." (the flow
    /// overview in our exports' recital C2) as a flow.
    fn flow_overview_item(&self, text: &str) -> Option<DataFlow> {
        let (name, rest) = text.split_once(": van ")?;
        let (route, description) = match rest.split_once(", zonder dienstenintegrator.") {
            Some((route, description)) => ((route, None), description),
            None => {
                let (route, rest) = rest.split_once(", via ")?;
                let (integrator, description) = rest.split_once(". ").unwrap_or((rest, ""));
                ((route, Some(integrator.trim_end_matches('.'))), description)
            }
        };
        let (route, integrator) = route;
        let (from, to) = route.split_once(" aan ")?;
        let (from, via) = match from.split_once(" via ") {
            Some((from, via)) => (from, Some(via)),
            None => (from, None),
        };
        let id_of = |name: &str| {
            self.party_named_in(name)
                .map(|index| self.parsed.protocol.parties[index].id.clone())
        };
        let from_party = id_of(from)?;
        let to_parties: Vec<String> = to
            .split([',', '&'])
            .flat_map(|part| part.split(" en "))
            .filter_map(id_of)
            .collect();
        let id = format!("stroom-{}", self.parsed.protocol.flows.len() + 1);
        Some(DataFlow {
            id,
            name: name.trim().to_string(),
            from_party,
            to_parties,
            via_party: via.and_then(id_of).unwrap_or_default(),
            description: description.trim().to_string(),
            via_service_integrator: integrator.is_some(),
            service_integrator: integrator
                .filter(|name| *name != "een dienstenintegrator")
                .unwrap_or_default()
                .to_string(),
            ..DataFlow::default()
        })
    }

    /// The party a text names first (by short name, legal name, or with an article).
    fn party_named_in(&self, text: &str) -> Option<usize> {
        let lower = text.to_lowercase();
        self.parsed
            .protocol
            .parties
            .iter()
            .enumerate()
            .filter_map(|(index, party)| {
                [party.short_name.as_str(), party.legal_name.as_str()]
                    .iter()
                    .filter(|name| !name.trim().is_empty())
                    .filter_map(|name| find_word(&lower, &name.to_lowercase()))
                    .min()
                    .map(|position| (position, index))
            })
            .min()
            .map(|(_, index)| index)
    }

    fn group_named_at_start(&self, text: &str) -> Option<usize> {
        let lower = text.to_lowercase();
        self.parsed.protocol.groups.iter().position(|group| {
            let name = group.name.to_lowercase();
            !name.is_empty() && lower.find(&name).is_some_and(|position| position < 30)
        })
    }

    // ----- Articles ------------------------------------------------------------------------

    fn article(&mut self, _number: usize, blocks: &[SourceBlock]) {
        let Some((heading, body)) = blocks.split_first() else {
            return;
        };
        let Some((_, title)) = article_heading(heading) else {
            return;
        };
        self.section = heading.text.trim().to_string();
        let standard = standard_article_for(&title).filter(|kind| {
            !self
                .parsed
                .protocol
                .articles
                .iter()
                .any(|entry| entry.standard == Some(*kind))
        });
        let entry = ArticleEntry {
            id: standard.map_or_else(|| slug(&title), |kind| kind.id().to_string()),
            standard,
            title: title.clone(),
            text: String::new(),
        };
        let position = self.protocol().articles.len();
        self.protocol().articles.push(entry);
        self.placed(format!("articles[{position}].title"), heading);
        match standard {
            Some(StandardArticle::Subject) => {
                for block in body {
                    self.standard(
                        block,
                        "tekst van artikel ‘Onderwerp’ (wordt opnieuw gemaakt)",
                    );
                }
            }
            Some(StandardArticle::Grounds) => self.grounds(body),
            Some(StandardArticle::Data) => self.data(body),
            Some(StandardArticle::Recipients) => self.recipients(body),
            Some(StandardArticle::Periodicity) => self.periodicity(body),
            Some(StandardArticle::Security) => self.security(body),
            Some(StandardArticle::Transparency) => self.transparency(body),
            Some(StandardArticle::Notification) => self.notification(body),
            Some(kind) => {
                let path = clause_path(kind);
                for block in body {
                    let text = block_text(block);
                    if let Some(field) = clause_field(&mut self.parsed.protocol, kind) {
                        append_paragraph(field, &text);
                        self.placed(path, block);
                    }
                }
            }
            None => {
                let mut text = String::new();
                for block in body {
                    append_paragraph(&mut text, &block_text(block));
                    self.placed(format!("articles[{position}].text"), block);
                }
                self.protocol().articles[position].text = text;
            }
        }
    }

    fn grounds(&mut self, blocks: &[SourceBlock]) {
        // Whose purposes the list items are, and of which kind.
        let mut current: Option<(usize, bool)> = None;
        for block in blocks {
            let text = block.text.trim();
            let lower = text.to_lowercase();
            if lower == "verenigbaarheid van de verdere verwerking" {
                self.standard(block, "tussentitel");
                continue;
            }
            if lower.contains("verenigbaar") {
                append_paragraph(&mut self.parsed.protocol.compatibility, &block_text(block));
                self.placed("compatibility", block);
                current = None;
                continue;
            }
            if lower.contains("oorspronkelijk verzameld")
                && let Some(index) = self.party_named_in(text)
            {
                current = Some((index, true));
                self.standard(block, "inleiding van de oorspronkelijke doeleinden");
                continue;
            }
            if lower.ends_with(':')
                && (lower.contains("doeleinden") || lower.contains("verwerken voor"))
                && let Some(index) = self.party_named_in(text)
            {
                current = Some((index, !lower.contains("verwerk")));
                self.standard(block, "inleiding van de doeleinden");
                continue;
            }
            if (lower.contains("zal de gedeelde gegevens verwerken")
                || lower.contains("verwerkt de gegevens voor")
                || lower.contains("zal de gegevens verwerken")
                || lower.contains("verwerkt de meegedeelde gegevens"))
                && let Some(index) = self.party_named_in(text)
            {
                let after = text
                    .find(" voor ")
                    .map_or(text, |position| &text[position + 5..]);
                let (description, basis) = split_trailing_parenthesis(after);
                self.protocol().parties[index]
                    .processing_purposes
                    .push(Purpose {
                        description: capitalise_sentence(&description),
                        legal_basis: basis,
                    });
                self.placed(format!("parties[{index}].processing_purposes"), block);
                current = Some((index, false));
                continue;
            }
            match (current, block.kind) {
                (Some((index, original)), BlockKind::ListItem) => {
                    let party = &mut self.parsed.protocol.parties[index];
                    let list = if original {
                        &mut party.original_purposes
                    } else {
                        &mut party.processing_purposes
                    };
                    if is_legal_basis(text) {
                        let basis = text.trim_end_matches(';').to_string();
                        if list.is_empty() {
                            list.push(Purpose::default());
                        }
                        for purpose in list.iter_mut() {
                            if purpose.legal_basis.is_empty() {
                                purpose.legal_basis = basis.clone();
                            } else {
                                purpose.legal_basis = format!("{}; {basis}", purpose.legal_basis);
                            }
                        }
                    } else {
                        let (description, basis) = purpose_with_basis(text);
                        list.push(Purpose {
                            description,
                            legal_basis: basis,
                        });
                    }
                    let kind = if original {
                        "original_purposes"
                    } else {
                        "processing_purposes"
                    };
                    self.placed(format!("parties[{index}].{kind}"), block);
                }
                _ => self.unplaced(block),
            }
        }
    }

    fn data(&mut self, blocks: &[SourceBlock]) {
        // The row kind last seen, for a row continued on the next page (empty first cell).
        let mut last_row: Option<&'static str> = None;
        for block in blocks {
            let text = block.text.trim();
            let lower = text.to_lowercase();
            if let [label, value, ..] = block.cells.as_slice() {
                let label_lower = label.trim().to_lowercase();
                let value = cell_text(value);
                if label_lower == "gegeven" || is_gap(&value) && label_lower != "gegevensstromen" {
                    self.standard(block, "kop of open plek van de tabel");
                    continue;
                }
                if label_lower == "bewaartermijn" && value.starts_with("Zie de algemene") {
                    self.standard(block, "verwijzing naar de algemene bewaartermijn");
                    continue;
                }
                if label_lower == "gegevensstromen" {
                    let Some(index) = self.parsed.protocol.data_items.len().checked_sub(1) else {
                        self.unplaced(block);
                        continue;
                    };
                    let ids: Vec<String> = self
                        .parsed
                        .protocol
                        .flows
                        .iter()
                        .filter(|flow| {
                            !flow.name.trim().is_empty() && value.contains(flow.name.trim())
                        })
                        .map(|flow| flow.id.clone())
                        .collect();
                    self.parsed.protocol.data_items[index].flows = ids;
                    self.placed(format!("data_items[{index}].flows"), block);
                    continue;
                }
                let kind = if label_lower.starts_with("gegeven") {
                    Some("description")
                } else if label_lower.starts_with("verantwoording") {
                    Some("justification")
                } else if label_lower.contains("doel") {
                    Some("purpose")
                } else if label_lower.starts_with("bewaartermijn") {
                    Some("retention")
                } else if label.trim().is_empty() {
                    last_row
                } else {
                    None
                };
                let starts_item = label_lower.starts_with("gegeven");
                if starts_item {
                    self.protocol().data_items.push(DataItem::default());
                }
                let Some(index) = self.parsed.protocol.data_items.len().checked_sub(1) else {
                    self.unplaced(block);
                    continue;
                };
                let item = &mut self.parsed.protocol.data_items[index];
                let field = match kind {
                    Some("description") => &mut item.description,
                    Some("justification") => &mut item.justification,
                    Some("purpose") => &mut item.purpose,
                    Some("retention") => &mut item.retention,
                    _ => {
                        self.unplaced(block);
                        continue;
                    }
                };
                if label.trim().is_empty() {
                    join_continued(field, &value);
                } else {
                    append_paragraph(field, &value);
                }
                last_row = kind;
                self.placed(format!("data_items[{index}].{}", kind.unwrap_or("")), block);
                continue;
            }
            if matches!(lower.as_str(), "identificatie" | "bewaartermijn") {
                self.standard(block, "tussentitel");
            } else if lower.contains("artikel 9") && lower.contains("geen persoonsgegevens") {
                self.standard(block, "geen bijzondere categorieën (art. 9 en 10 AVG)");
            } else if lower.contains("opgevraagd op basis van")
                || lower.contains("geïdentificeerd aan de hand van")
            {
                self.protocol().identifier = text.to_string();
                self.placed("identifier", block);
            } else if lower.contains("bewaard") || lower.contains("bewaartermijn") {
                append_paragraph(&mut self.parsed.protocol.retention, &block_text(block));
                self.placed("retention", block);
            } else if lower.contains("onderstaande tabel")
                || lower.contains("volgende tabel")
                || lower.contains("tabel hieronder")
            {
                self.standard(block, "inleiding van de tabel");
            } else if let Some(index) = self.parsed.protocol.data_items.len().checked_sub(1)
                && block.kind == BlockKind::ListItem
                && last_row.is_some()
            {
                // A list inside the last cell (a PDF or text that lost the table).
                let item = &mut self.parsed.protocol.data_items[index];
                let field = match last_row {
                    Some("justification") => &mut item.justification,
                    Some("purpose") => &mut item.purpose,
                    _ => &mut item.description,
                };
                field.push_str(&format!("\n- {text}"));
                self.placed(format!("data_items[{index}]"), block);
            } else {
                self.unplaced(block);
            }
        }
    }

    fn recipients(&mut self, blocks: &[SourceBlock]) {
        #[derive(Clone, Copy, PartialEq)]
        enum Mode {
            NeedToKnow,
            Services,
            Onward,
            Processors,
        }
        let mut current: Option<usize> = None;
        let mut mode = Mode::NeedToKnow;
        for block in blocks {
            let text = block.text.trim();
            let lower = text.to_lowercase();
            // "Bij het VUTG" (our exports): what follows is that party's.
            if let Some(rest) = text.strip_prefix("Bij ")
                && text.chars().count() < 160
                && let Some(index) = self.party_named_in(rest)
            {
                current = Some(index);
                mode = Mode::NeedToKnow;
                self.standard(block, "tussentitel per partij");
                continue;
            }
            if is_gap(text) {
                self.standard(block, "open plek van de export");
                continue;
            }
            if lower.contains("diensten") && lower.contains("toegang") && text.ends_with(':') {
                current = self.party_named_in(text).or(current);
                mode = Mode::Services;
                self.standard(block, "inleiding van de diensten");
                continue;
            }
            if lower == "verdere mededeling" {
                mode = Mode::Onward;
                self.standard(block, "tussentitel");
                continue;
            }
            if lower == "verwerkers" {
                mode = Mode::Processors;
                self.standard(block, "tussentitel");
                continue;
            }
            let Some(index) = current.or_else(|| self.party_named_in(text)) else {
                self.unplaced(block);
                continue;
            };
            current = Some(index);
            if lower.ends_with(':') && lower.contains("ontvangers") {
                // "X zal de … gegevens … kunnen meedelen aan volgende categorieën van
                // ontvangers:": to whom the data go on.
                let party = &mut self.parsed.protocol.parties[index];
                append_paragraph(&mut party.onward_disclosure, text.trim_end_matches(':'));
                self.placed(format!("parties[{index}].onward_disclosure"), block);
                continue;
            }
            let party = &mut self.parsed.protocol.parties[index];
            match (mode, block.kind) {
                (Mode::Services, BlockKind::ListItem) => {
                    party
                        .services_with_access
                        .push(text.trim_end_matches([';', '.']).to_string());
                    self.placed(format!("parties[{index}].services_with_access"), block);
                }
                (Mode::Processors, _) => {
                    party.processors.push(processor_line(text));
                    self.placed(format!("parties[{index}].processors"), block);
                }
                (Mode::Onward, _) => {
                    append_paragraph(&mut party.onward_disclosure, &block_text(block));
                    self.placed(format!("parties[{index}].onward_disclosure"), block);
                }
                _ if lower.contains("verwerkersovereenkomst") => {
                    party.processors.push(Processor {
                        name: text.to_string(),
                        agreement_not_stated: true,
                        ..Processor::default()
                    });
                    self.placed(format!("parties[{index}].processors"), block);
                }
                _ => {
                    mode = Mode::NeedToKnow;
                    append_paragraph(&mut party.need_to_know, &block_text(block));
                    self.placed(format!("parties[{index}].need_to_know"), block);
                }
            }
        }
    }

    fn periodicity(&mut self, blocks: &[SourceBlock]) {
        for block in blocks {
            let text = block.text.trim();
            let lower = text.to_lowercase();
            if lower == "duur" {
                self.standard(block, "tussentitel");
                continue;
            }
            // "Naam van de stroom: Eenmalig, in de loop van 2025. Waarom." (our exports).
            if let Some((index, rest)) = self.flow_named_at_start(text) {
                let (periodicity, justification) = match rest.split_once(". ") {
                    Some((periodicity, justification)) => (periodicity, justification),
                    None => (rest.trim_end_matches('.'), ""),
                };
                let (frequency, detail) = frequency_and_detail(periodicity);
                let flow = &mut self.parsed.protocol.flows[index];
                flow.periodicity.frequency = frequency;
                flow.periodicity.detail = detail;
                flow.justification = justification.trim().to_string();
                self.placed(format!("flows[{index}].periodicity"), block);
                continue;
            }
            // "Het protocol geldt voor bepaalde duur: …. Waarom." (our exports).
            if let Some(rest) = text.strip_prefix("Het protocol geldt voor ") {
                let term = &mut self.parsed.protocol.term;
                let (kind, rest) = if let Some(rest) = rest.strip_prefix("bepaalde duur") {
                    (TermKind::Fixed, rest)
                } else if let Some(rest) = rest.strip_prefix("onbepaalde duur") {
                    (TermKind::Indefinite, rest)
                } else {
                    (TermKind::Unspecified, rest)
                };
                term.kind = kind;
                let (description, justification) = match rest.strip_prefix(": ") {
                    Some(rest) => match rest.split_once(". ") {
                        Some((description, justification)) => (description, justification),
                        None => (rest.trim_end_matches('.'), ""),
                    },
                    None => ("", rest.trim_start_matches(['.', ' '])),
                };
                term.description = description.trim().to_string();
                term.justification = justification.trim().to_string();
                self.placed("term", block);
                continue;
            }
            let frequency = [
                ("eenmalig", Frequency::Once),
                ("driemaandelijks", Frequency::Quarterly),
                ("dagelijks", Frequency::Daily),
                ("wekelijks", Frequency::Weekly),
                ("maandelijks", Frequency::Monthly),
                ("per kwartaal", Frequency::Quarterly),
                ("jaarlijks", Frequency::Yearly),
                ("continu", Frequency::Continuous),
                ("op vraag", Frequency::OnRequest),
            ]
            .iter()
            .find(|(word, _)| lower.contains(word))
            .map(|(_, frequency)| *frequency);
            if let Some(frequency) = frequency {
                self.frequency = self.frequency.or(Some(frequency));
                append_paragraph(&mut self.periodicity_text, text);
                self.placed("flows[*].periodicity", block);
            } else if lower.contains("onbepaalde duur") {
                self.protocol().term.kind = TermKind::Indefinite;
                append_paragraph(&mut self.parsed.protocol.term.justification, text);
                self.placed("term", block);
            } else if lower.contains("duur") || lower.contains("termijn") {
                self.protocol().term.kind = TermKind::Fixed;
                append_paragraph(&mut self.parsed.protocol.term.description, text);
                self.placed("term.description", block);
            } else {
                self.unplaced(block);
            }
        }
    }

    /// "Naam van de stroom: rest" → the flow and the rest, for a flow the protocol has.
    fn flow_named_at_start<'t>(&self, text: &'t str) -> Option<(usize, &'t str)> {
        self.parsed
            .protocol
            .flows
            .iter()
            .enumerate()
            .filter(|(_, flow)| !flow.name.trim().is_empty())
            .find_map(|(index, flow)| {
                text.strip_prefix(flow.name.trim())
                    .and_then(|rest| rest.strip_prefix(": "))
                    .map(|rest| (index, rest.trim()))
            })
    }

    fn security(&mut self, blocks: &[SourceBlock]) {
        for block in blocks {
            let text = block.text.trim();
            let lower = text.to_lowercase();
            if lower == "kanaal per gegevensstroom:"
                || lower == "de partijen nemen de volgende maatregelen:"
            {
                self.standard(block, "inleiding");
                continue;
            }
            // "Naam van de stroom: Beveiligde SFTP-server (detail)." (our exports).
            if block.kind == BlockKind::ListItem
                && let Some((index, rest)) = self.flow_named_at_start(text)
            {
                let rest = rest.trim_end_matches('.');
                let (label, detail) = match rest.split_once(" (") {
                    Some((label, detail)) => (label, detail.strip_suffix(')').unwrap_or(detail)),
                    None => (rest, ""),
                };
                let channel = ChannelKind::ALL
                    .iter()
                    .copied()
                    .find(|kind| {
                        !kind.label().is_empty() && kind.label().eq_ignore_ascii_case(label.trim())
                    })
                    .unwrap_or(ChannelKind::Other);
                let flow = &mut self.parsed.protocol.flows[index];
                flow.channel = channel;
                if !detail.is_empty() {
                    flow.channel_detail = format!("{}.", detail.trim().trim_end_matches('.'));
                }
                self.placed(format!("flows[{index}].channel"), block);
                continue;
            }
            if block.kind == BlockKind::ListItem {
                let lower = text.to_lowercase();
                let kind = if lower.contains("sftp")
                    || lower.contains("kanaal")
                    || lower.contains("meegedeeld via")
                {
                    MeasureKind::Channel
                } else if lower.contains("vertrouwelijkheid") {
                    MeasureKind::ConfidentialityDeclaration
                } else if lower.contains("versleutel") || lower.contains("encrypt") {
                    MeasureKind::Encryption
                } else if lower.contains("verwijderd") || lower.contains("vernietigd") {
                    MeasureKind::DeletionAfterUse
                } else if lower.contains("pseudonimis") {
                    MeasureKind::Pseudonymisation
                } else if lower.contains("logging") || lower.contains("gelogd") {
                    MeasureKind::Logging
                } else if lower.contains("toegang") {
                    MeasureKind::AccessControl
                } else {
                    MeasureKind::Other
                };
                let index = self.parsed.protocol.security.measures.len();
                self.protocol().security.measures.push(SecurityMeasure {
                    kind,
                    text: text.trim_end_matches(';').to_string(),
                });
                self.placed(format!("security.measures[{index}]"), block);
            } else if text.to_lowercase().starts_with("volgende maatregelen") {
                self.standard(block, "inleiding van de maatregelen");
            } else {
                append_paragraph(
                    &mut self.parsed.protocol.security.additional_text,
                    &block_text(block),
                );
                self.placed("security.additional_text", block);
            }
        }
    }

    fn notification(&mut self, blocks: &[SourceBlock]) {
        for block in blocks {
            let text = block.text.trim();
            let lower = text.to_lowercase();
            if lower.starts_with("de functionarissen voor gegevensbescherming")
                && text.ends_with(':')
            {
                self.standard(block, "inleiding van de contactgegevens");
                continue;
            }
            // "voor het VUTG: Naam, e-mail[, telefoon];" (our exports).
            if block.kind == BlockKind::ListItem
                && let Some(rest) = text.strip_prefix("voor ")
                && let Some((who, contact)) = rest.split_once(": ")
                && let Some(index) = self.party_named_in(who)
            {
                let parts: Vec<&str> = contact.trim_end_matches([';', '.']).split(", ").collect();
                let dpo = &mut self.parsed.protocol.parties[index].dpo;
                for part in parts {
                    if part.contains('@') {
                        dpo.email = part.trim().to_string();
                    } else if part.chars().filter(char::is_ascii_digit).count() >= 6 {
                        dpo.phone = part.trim().to_string();
                    } else if dpo.name.is_empty() {
                        dpo.name = part.trim().to_string();
                    }
                }
                self.placed(format!("parties[{index}].dpo"), block);
                continue;
            }
            append_paragraph(
                &mut self.parsed.protocol.clauses.notification,
                &block_text(block),
            );
            self.placed("clauses.notification", block);
        }
    }

    fn transparency(&mut self, blocks: &[SourceBlock]) {
        for block in blocks {
            let text = block.text.trim();
            let lower = text.to_lowercase();
            if (lower.contains("gepubliceerd")
                || lower.contains("bekendgemaakt")
                || lower.contains("bekend op"))
                && let Some(url) = web_address(text)
                && let Some(index) = self.party_named_in(text)
            {
                self.protocol().parties[index].publication_url = url;
                self.placed(format!("parties[{index}].publication_url"), block);
                continue;
            }
            append_paragraph(
                &mut self.parsed.protocol.clauses.transparency,
                &block_text(block),
            );
            self.placed("clauses.transparency", block);
        }
    }

    // ----- Closing, signatures, annexes ----------------------------------------------------

    fn closing(&mut self, blocks: &[SourceBlock]) {
        let clause: Vec<Vec<String>> = self
            .parsed
            .protocol
            .parties
            .iter()
            .map(|party| {
                party
                    .signatories
                    .iter()
                    .map(|signatory| signatory.name.clone())
                    .collect()
            })
            .collect();
        self.signature_block(blocks);
        // The party clause names who represents the party; when the signature block names
        // others, those sign (for the representative named in the clause).
        for (index, names) in clause.iter().enumerate() {
            let signed: Vec<&String> = self
                .block_signers
                .iter()
                .filter(|(party, _)| *party == index)
                .map(|(_, name)| name)
                .collect();
            if signed.is_empty() || signed.iter().all(|name| names.contains(name)) {
                continue;
            }
            let party = &mut self.parsed.protocol.parties[index];
            if party.representative.is_empty() {
                party.representative = party
                    .signatories
                    .iter()
                    .filter(|signatory| names.contains(&signatory.name))
                    .map(|signatory| {
                        if signatory.function.is_empty() {
                            signatory.name.clone()
                        } else {
                            format!("{}, {}", signatory.name, signatory.function)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" en ");
            }
            party
                .signatories
                .retain(|signatory| signed.contains(&&signatory.name));
        }
    }

    /// The closing line, the signature boxes and the annexes.
    fn signature_block(&mut self, blocks: &[SourceBlock]) {
        let mut open_columns: Vec<Option<usize>> = Vec::new();
        let mut in_annexes = false;
        for block in blocks {
            let text = block.text.trim();
            if text.starts_with("Opgemaakt te") || text.starts_with("Opgemaakt in") {
                let place = text
                    .trim_start_matches("Opgemaakt te")
                    .trim_start_matches("Opgemaakt in")
                    .split(',')
                    .next()
                    .unwrap_or_default()
                    .trim();
                self.protocol().signing.place = title_case_place(place);
                if let Some((date, _)) = find_date(text) {
                    self.protocol().signing.date = Some(date);
                }
                self.placed("signing", block);
                continue;
            }
            if lower_is(text, "ondertekening") || lower_is(text, "bijlagen") {
                open_columns.clear();
                self.standard(block, "tussentitel");
                continue;
            }
            if lower_is(text, "handtekening")
                || (!block.cells.is_empty()
                    && block
                        .cells
                        .iter()
                        .all(|cell| lower_is(cell, "handtekening")))
            {
                self.standard(block, "ruimte voor de handtekening");
                continue;
            }
            if let Some((number, written)) = annex_line(text) {
                in_annexes = true;
                // "Bijlage 1: titel" then "Bijlage 1: omschrijving" (our exports).
                if number == self.parsed.protocol.annexes.len()
                    && let Some(last) = self.protocol().annexes.last_mut()
                {
                    last.description = format!("Bijlage {number}: {written}");
                    self.placed(format!("annexes[{}].description", number - 1), block);
                    continue;
                }
                self.protocol().annexes.push(Annex {
                    title: crate::dutch::capitalise(&written),
                    description: String::new(),
                });
                let index = self.parsed.protocol.annexes.len() - 1;
                self.placed(format!("annexes[{index}]"), block);
                continue;
            }
            if in_annexes {
                if let Some(annex) = self.protocol().annexes.last_mut() {
                    append_paragraph(&mut annex.description, text);
                    let index = self.parsed.protocol.annexes.len() - 1;
                    self.placed(format!("annexes[{index}].description"), block);
                }
                continue;
            }
            let cells: Vec<String> = if block.cells.is_empty() {
                vec![text.to_string()]
            } else {
                block.cells.clone()
            };
            let mut used = false;
            if cells
                .iter()
                .any(|cell| cell.trim_start().starts_with("Voor "))
            {
                open_columns = cells
                    .iter()
                    .map(|cell| {
                        let index = cell
                            .trim_start()
                            .strip_prefix("Voor ")
                            .and_then(|rest| self.party_named_in(rest));
                        if let Some(index) = index {
                            let lines: Vec<&str> = cell
                                .lines()
                                .map(str::trim)
                                .filter(|line| !line.is_empty())
                                .collect();
                            let party = &mut self.parsed.protocol.parties[index];
                            if let [_, function, name, ..] = lines.as_slice() {
                                // "Voor X / functie / naam" in one cell (our exports).
                                let (function, name) = (function.to_string(), name.to_string());
                                self.block_signers.push((index, name.clone()));
                                match party
                                    .signatories
                                    .iter_mut()
                                    .find(|signatory| signatory.name == name)
                                {
                                    Some(signatory) if signatory.function.is_empty() => {
                                        signatory.function = function
                                    }
                                    Some(_) => {}
                                    None => party.signatories.push(Signatory { name, function }),
                                }
                                return Some(index);
                            }
                            let function = self
                                .function_after_name(lines.first().copied().unwrap_or(cell), index);
                            let whole = one_line(cell);
                            let party = &mut self.parsed.protocol.parties[index];
                            let had_none = party.signatories.is_empty();
                            let named = party.signatories.iter_mut().find(|signatory| {
                                !signatory.name.is_empty() && whole.ends_with(&signatory.name)
                            });
                            match named {
                                Some(signatory) => {
                                    self.block_signers.push((index, signatory.name.clone()));
                                    if signatory.function.is_empty() {
                                        signatory.function = function;
                                    }
                                    // The name is in the box already: no names row to wait for.
                                    return None;
                                }
                                None if had_none => party.signatories.push(Signatory {
                                    name: String::new(),
                                    function,
                                }),
                                None => {}
                            }
                        }
                        index
                    })
                    .collect();
                used = true;
            } else if !open_columns.is_empty() {
                for (column, cell) in cells.iter().enumerate() {
                    let Some(Some(index)) = open_columns.get(column) else {
                        continue;
                    };
                    let name = one_line(cell);
                    if name.is_empty() || name.contains("Handtekening") {
                        continue;
                    }
                    self.block_signers.push((*index, name.clone()));
                    let party = &mut self.parsed.protocol.parties[*index];
                    match party
                        .signatories
                        .iter_mut()
                        .find(|signatory| signatory.name.is_empty() || signatory.name == name)
                    {
                        Some(signatory) => signatory.name = name,
                        None => party.signatories.push(Signatory {
                            name,
                            function: String::new(),
                        }),
                    }
                    used = true;
                }
                if used {
                    open_columns.clear();
                }
            }
            if used {
                self.placed("parties[*].signatories", block);
            } else if text.to_lowercase() == "ondertekening" || text.to_lowercase() == "bijlagen" {
                self.standard(block, "tussentitel");
            } else {
                self.unplaced(block);
            }
        }
    }

    /// In "Voor Opgroeien Regie Waarnemend administrateur-generaal", the function after the
    /// party's name.
    fn function_after_name(&self, cell: &str, index: usize) -> String {
        let party = &self.parsed.protocol.parties[index];
        let rest = cell.trim_start().trim_start_matches("Voor ").trim();
        let lower = rest.to_lowercase();
        let known: Vec<String> = party
            .signatories
            .iter()
            .map(|signatory| signatory.name.clone())
            .collect();
        for name in [
            party.legal_name_in_text(),
            party.name_in_text(index),
            party.short_name.clone(),
            party.legal_name.clone(),
        ] {
            let name = name.to_lowercase();
            if !name.is_empty() && lower.starts_with(&name) {
                let after = one_line(rest.get(name.len()..).unwrap_or_default());
                // "… gedelegeerd bestuurder Leo Van Loo": the name the party clause gave
                // ends it (a PDF puts the box's lines together).
                for signatory in &known {
                    if !signatory.is_empty()
                        && let Some(function) = after.strip_suffix(signatory.as_str())
                    {
                        return function.trim().to_string();
                    }
                }
                return after;
            }
        }
        String::new()
    }

    /// What is derived after reading: the roles, the flows and their periodicity, the
    /// articles of the short name, the proper case of names in a capitalised title.
    fn finish(&mut self) {
        let protocol = &mut self.parsed.protocol;
        // Roles: the party clause says them; else the title ("van A naar B").
        if protocol
            .parties
            .iter()
            .all(|party| !party.roles.provider && !party.roles.recipient)
        {
            let title = protocol.title.text.to_lowercase();
            if let Some(split) = title.find(" naar ") {
                let (from, to) = title.split_at(split);
                for party in &mut protocol.parties {
                    let names = [
                        party.legal_name.to_lowercase(),
                        party.short_name.to_lowercase(),
                    ];
                    let named_in = |part: &str| {
                        names
                            .iter()
                            .any(|name| !name.is_empty() && part.contains(name.as_str()))
                    };
                    party.roles.provider = named_in(from);
                    party.roles.recipient = named_in(to);
                }
            }
        }
        // Articles of short names as the text uses them ("het VUTG").
        let whole_text = format!(
            "{} {} {}",
            protocol.recitals.context, protocol.recitals.intent, protocol.clauses.sanction
        );
        for party in &mut protocol.parties {
            if party.article.is_none() && !party.short_name.is_empty() {
                party.article = article_in_use(&whole_text, &party.short_name);
            }
            if party.legal_name_article.is_none() {
                party.legal_name_article = Some(Article::Het).filter(|_| {
                    party.legal_name.to_lowercase().starts_with("agentschap")
                        || party
                            .legal_name
                            .to_lowercase()
                            .starts_with("vlaams agentschap")
                });
            }
        }
        // Flows: one per providing party, to the receiving parties.
        if protocol.flows.is_empty() {
            let recipients: Vec<(String, String)> = protocol
                .parties
                .iter()
                .filter(|party| party.roles.recipient)
                .map(|party| (party.id.clone(), party.display_name().to_string()))
                .collect();
            let channel = if format!(
                "{} {}",
                protocol.recitals.service_integrator, protocol.recitals.planned_flow
            )
            .to_lowercase()
            .contains("sftp")
            {
                ChannelKind::Sftp
            } else {
                ChannelKind::Unspecified
            };
            let providers: Vec<(String, String)> = protocol
                .parties
                .iter()
                .filter(|party| party.roles.provider)
                .map(|party| (party.id.clone(), party.display_name().to_string()))
                .collect();
            for (id, name) in providers {
                let to: Vec<String> = recipients
                    .iter()
                    .filter(|(other, _)| *other != id)
                    .map(|(other, _)| other.clone())
                    .collect();
                if to.is_empty() {
                    continue;
                }
                protocol.flows.push(DataFlow {
                    id: format!("stroom-{id}"),
                    name: format!("Mededeling door {name}"),
                    from_party: id,
                    to_parties: to,
                    channel,
                    ..DataFlow::default()
                });
            }
        }
        if let Some(frequency) = self.frequency.take() {
            let text = std::mem::take(&mut self.periodicity_text);
            for flow in &mut protocol.flows {
                flow.periodicity.frequency = frequency;
                flow.justification = text.clone();
            }
        }
        // A title in capitals: names back in the case the party clauses write them.
        let names: Vec<String> = protocol
            .parties
            .iter()
            .flat_map(|party| [party.legal_name.clone(), party.short_name.clone()])
            .collect();
        protocol.title.text = restore_names(&protocol.title.text, &names);
        protocol.title.context = restore_names(&protocol.title.context, &names);
    }
}

// ----- Small readers --------------------------------------------------------------------------

/// The definition after `marker` ("hierna: “VUTG”;" → "VUTG").
fn definition(text: &str, marker: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let start = lower.find(marker)? + marker.len();
    let rest = text.get(start..)?.trim();
    let open = rest.find(['“', '"', '‘', '\''])?;
    let after_open = &rest[open..];
    let quote = after_open.chars().next()?;
    let inner = &after_open[quote.len_utf8()..];
    let close = inner.find(['”', '"', '’', '\''])?;
    let name = one_line(&inner[..close]);
    (!name.is_empty()).then_some(name)
}

/// Whether a paragraph is a party clause: it gives a KBO number or a representative.
fn looks_like_party(text: &str) -> bool {
    let lower = text.to_lowercase();
    (kbo_number(text).is_some() || lower.contains("kbo") || lower.contains("kruispuntbank"))
        && (lower.contains("vertegenwoordigd")
            || lower.contains("gevestigd")
            || lower.contains("zetel"))
}

/// The first KBO number in `text`, as "0692.793.497".
fn kbo_number(text: &str) -> Option<String> {
    let characters: Vec<char> = text.chars().collect();
    for start in 0..characters.len() {
        let digits: String = characters[start..]
            .iter()
            .take_while(|character| character.is_ascii_digit() || matches!(character, '.' | ' '))
            .filter(|character| character.is_ascii_digit())
            .collect();
        if (start == 0 || !characters[start - 1].is_ascii_digit())
            && digits.len() == 10
            && characters[start].is_ascii_digit()
        {
            return Some(format!(
                "{}.{}.{}",
                &digits[..4],
                &digits[4..7],
                &digits[7..]
            ));
        }
        if digits.len() == 9
            && characters[start].is_ascii_digit()
            && (start == 0 || !characters[start - 1].is_ascii_digit())
        {
            return Some(format!(
                "0{}.{}.{}",
                &digits[..3],
                &digits[3..6],
                &digits[6..]
            ));
        }
    }
    None
}

/// A party clause read into a party.
fn party_clause(text: &str, index: usize) -> Party {
    let text = text.trim();
    // ASCII lower case keeps every byte position, so positions found in it index `text`.
    // "1. " numbering of parties after EN.
    let text = match text.split_once(". ") {
        Some((number, rest))
            if number.chars().all(|c| c.is_ascii_digit()) && !number.is_empty() =>
        {
            rest
        }
        _ => text,
    };
    let lower = text.to_ascii_lowercase();
    let name_end = [
        ", geregistreerd",
        ", ingeschreven",
        " geregistreerd",
        ", met ondernemingsnummer",
        ", kbo",
        ", met zetel",
        ", gevestigd",
    ]
    .iter()
    .filter_map(|marker| lower.find(marker))
    .min()
    .unwrap_or_else(|| lower.find(',').unwrap_or(text.len()));
    let (legal_name_article, legal_name) = split_article(text[..name_end].trim());
    let mut party = Party {
        id: format!("partij-{}", index + 1),
        legal_name,
        legal_name_article,
        kbo: kbo_number(text).unwrap_or_default(),
        ..Party::default()
    };
    if let Some(start) = lower.find("vestigingseenheid") {
        let rest = &text[start + "vestigingseenheid".len()..];
        party.establishment_number = rest
            .trim()
            .split([')', ','])
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
    }
    let address_markers = [
        "met kantoren gevestigd aan",
        "met kantoren gevestigd te",
        "met kantoren gevestigd",
        "met maatschappelijke zetel te",
        "met zetel te",
        "met zetel in",
        "gevestigd aan",
        "gevestigd te",
        "gevestigd",
    ];
    if let Some((start, marker)) = address_markers
        .iter()
        .filter_map(|marker| lower.find(marker).map(|position| (position, *marker)))
        .min_by_key(|(position, marker)| (*position, usize::MAX - marker.len()))
    {
        let rest = &text[start + marker.len()..];
        let rest_lower = rest.to_ascii_lowercase();
        let end = [
            " en vertegenwoordigd",
            ", vertegenwoordigd",
            " vertegenwoordigd",
        ]
        .iter()
        .filter_map(|marker| rest_lower.find(marker))
        .min()
        .unwrap_or(rest.len());
        party.address = normalise_address(rest[..end].trim().trim_end_matches(','));
    }
    if let Some(start) = lower.find("vertegenwoordigd door") {
        let rest = &text[start + "vertegenwoordigd door".len()..];
        let rest_lower = rest.to_ascii_lowercase();
        let end = [
            ", in de hoedanigheid",
            " in de hoedanigheid",
            ", hierna",
            " hierna:",
            ", in uitvoering van",
        ]
        .iter()
        .filter_map(|marker| rest_lower.find(marker))
        .min()
        .unwrap_or(rest.len());
        let representation = rest[..end].trim().trim_end_matches([',', '.', ';']).trim();
        if let Some((body, signers)) = representation.split_once(", voor wie tekenen:") {
            party.representative = body.trim().to_string();
            party.signatories_sign_for_representative = true;
            let signers = signers
                .split(", in uitvoering van")
                .next()
                .unwrap_or_default();
            party.signatories = split_names(signers)
                .into_iter()
                .map(|signer| function_first(&signer))
                .collect();
        } else {
            party.signatories = split_names(representation)
                .into_iter()
                .map(|signer| match signer.split_once(", ") {
                    Some((name, function)) => Signatory {
                        name: name.trim().to_string(),
                        function: function.trim().to_string(),
                    },
                    None => Signatory {
                        name: signer,
                        function: String::new(),
                    },
                })
                .collect();
        }
    }
    if let Some(start) = lower.find("in de hoedanigheid van") {
        let role = &lower[start..];
        party.roles.provider = role.contains("verstrekker");
        party.roles.recipient = role.contains("ontvanger");
    }
    party
}

/// "de burgemeester Jan Peeters" → function "burgemeester", name "Jan Peeters".
fn function_first(text: &str) -> Signatory {
    let text = text
        .trim()
        .trim_start_matches("de ")
        .trim_start_matches("het ");
    // The name starts at the first capitalised word after the function's words.
    let words: Vec<&str> = text.split(' ').collect();
    let split = words
        .iter()
        .position(|word| word.chars().next().is_some_and(char::is_uppercase))
        .unwrap_or(0);
    Signatory {
        function: words[..split].join(" "),
        name: words[split..].join(" "),
    }
}

/// "A, B en C" (or "A en B") → names; a name with its function ("Leo Van Loo, gedelegeerd
/// bestuurder") stays one.
fn split_names(text: &str) -> Vec<String> {
    text.split(" en ")
        .map(one_line)
        .filter(|part| !part.is_empty())
        .collect()
}

/// "Simon Bolivarlaan 17 te 1000 Brussel" → "Simon Bolivarlaan 17, 1000 Brussel".
fn normalise_address(address: &str) -> String {
    let address = one_line(address);
    if let Some((street, place)) = address.split_once(" te ")
        && place.chars().next().is_some_and(|c| c.is_ascii_digit())
    {
        return format!("{street}, {place}");
    }
    address
}

/// "Het Vlaams Agentschap …" → (Some(Het), "Vlaams Agentschap …").
fn split_article(text: &str) -> (Option<Article>, String) {
    let text = one_line(text);
    for (prefix, article) in [("het ", Article::Het), ("de ", Article::De)] {
        if text.len() > prefix.len()
            && let (Some(start), Some(rest)) = (text.get(..prefix.len()), text.get(prefix.len()..))
            && start.eq_ignore_ascii_case(prefix)
        {
            return (Some(article), rest.to_string());
        }
    }
    (None, text)
}

/// "De vier private uitbetalingsactoren" → "private uitbetalingsactoren".
fn strip_count(text: &str) -> String {
    let (_, rest) = split_article(text);
    let words: Vec<&str> = rest.split(' ').collect();
    let counts = [
        "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
    ];
    match words.first() {
        Some(first) if counts.contains(&first.to_lowercase().as_str()) => words[1..].join(" "),
        _ => rest,
    }
}

/// The article the text puts before `name` most often ("het VUTG"), if any.
fn article_in_use(text: &str, name: &str) -> Option<Article> {
    let lower = text.to_lowercase();
    let name = name.to_lowercase();
    let het = lower.matches(&format!("het {name}")).count();
    let de = lower.matches(&format!("de {name}")).count();
    if het > de {
        Some(Article::Het)
    } else if de > het {
        Some(Article::De)
    } else {
        None
    }
}

/// The position of `word` in `text` where it stands as a whole word.
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(position) = text[from..].find(word) {
        let start = from + position;
        let end = start + word.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
        {
            return Some(start);
        }
        from = start + word.len().max(1);
        if from >= text.len() {
            break;
        }
    }
    None
}

/// `text` with a leading name ("Het VUTG: ", "Opgroeien regie: ") taken off, where the
/// status repeats the name as a label.
fn strip_name_prefix(text: &str, name: &str) -> String {
    let trimmed = text.trim();
    let lower = trimmed.to_lowercase();
    let name = name.to_lowercase();
    if !name.is_empty()
        && lower.starts_with(&name)
        && let Some(rest) = trimmed.get(name.len()..)
        && let Some(rest) = rest.strip_prefix(':')
    {
        return rest.trim().to_string();
    }
    trimmed.to_string()
}

/// Whether a recital paragraph starts with its letter ("A. ", "- B. "), and the text after it.
fn recital_letter(text: &str) -> (bool, &str) {
    let text = text.trim();
    let mut characters = text.char_indices();
    let mut end = 0;
    for (index, character) in characters.by_ref() {
        if character.is_ascii_uppercase() {
            end = index + 1;
        } else {
            break;
        }
    }
    if (1..=2).contains(&end) && text[end..].starts_with(". ") {
        return (true, text[end + 2..].trim());
    }
    (false, text)
}

/// "C1.", "IC1.", "C. IC1. BESCHRIJVING …", "C2. Verloop …" → the part number of recital C.
fn context_part(text: &str) -> Option<u8> {
    let text = text.trim();
    let (_, rest) = recital_letter(text);
    let rest = rest.trim_start_matches('I');
    let mut characters = rest.chars();
    if characters.next()? != 'C' {
        // Our own headings: "C1. Algemene context …" (letter may differ: "E1.").
    }
    let bytes = rest.as_bytes();
    if bytes.len() < 3
        || !bytes[0].is_ascii_uppercase()
        || !bytes[1].is_ascii_digit()
        || bytes[2] != b'.'
    {
        return None;
    }
    let number = bytes[1] - b'0';
    // A part title is short or in capitals, not a running paragraph.
    let title = &rest[3..];
    let is_title = title.chars().count() < 160 || !title.chars().any(char::is_lowercase);
    ((1..=3).contains(&number) && is_title).then_some(number)
}

/// Whether a list item is a legal basis rather than a purpose.
fn is_legal_basis(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "artikel",
        "art. ",
        "decreet",
        "wet ",
        "besluit",
        "verordening",
        "subsidiebesluit",
        "ministerieel",
    ]
    .iter()
    .any(|start| lower.starts_with(start))
}

/// "Purpose (rechtsgrond: X)" or "Purpose — Rechtsgrond: X" → (purpose, basis).
fn purpose_with_basis(text: &str) -> (String, String) {
    if let Some((purpose, basis)) = text.split_once(". Rechtsgrond: ") {
        return (format!("{}.", purpose.trim()), basis.trim().to_string());
    }
    for marker in [
        " — Rechtsgrond: ",
        " – Rechtsgrond: ",
        ". Rechtsgrond: ",
        " (rechtsgrond: ",
    ] {
        if let Some((purpose, basis)) = text.split_once(marker) {
            return (
                purpose.trim().to_string(),
                basis.trim().trim_end_matches(')').to_string(),
            );
        }
    }
    (text.trim_end_matches(';').to_string(), String::new())
}

/// "… gezinsbeleid (artikel 5, §2, van het decreet …)" → (text, basis in the parenthesis).
fn split_trailing_parenthesis(text: &str) -> (String, String) {
    let text = text.trim().trim_end_matches('.');
    if text.ends_with(')')
        && let Some(open) = text.rfind('(')
    {
        let inner = &text[open + 1..text.len() - 1];
        if is_legal_basis(inner) {
            return (text[..open].trim().to_string(), capitalise_sentence(inner));
        }
    }
    (text.to_string(), String::new())
}

fn capitalise_sentence(text: &str) -> String {
    let text = crate::dutch::capitalise(text.trim());
    if text.ends_with(['.', ')', ';']) || text.is_empty() {
        text
    } else {
        format!("{text}.")
    }
}

/// The first web address in `text`, with its scheme ("www.gpedia.be" → "https://www.gpedia.be").
fn web_address(text: &str) -> Option<String> {
    let word = text
        .split_whitespace()
        .find(|word| word.starts_with("http") || word.starts_with("www."))?;
    let word = word.trim_end_matches(['.', ',', ';', ')']);
    Some(if word.starts_with("http") {
        word.to_string()
    } else {
        format!("https://{word}")
    })
}

/// "Bijlage 1: inhoudelijke analyse …" → (1, the text after the number).
fn annex_line(text: &str) -> Option<(usize, String)> {
    let rest = text.strip_prefix("Bijlage ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let number: usize = digits.parse().ok()?;
    let written = rest[digits.len()..]
        .trim_start_matches([':', '.', ' ', '–', '-'])
        .trim();
    (!written.is_empty()).then(|| (number, written.to_string()))
}

/// "BRUSSEL" → "Brussel"; a place in normal case stays.
fn title_case_place(place: &str) -> String {
    if place.chars().any(char::is_lowercase) {
        return place.to_string();
    }
    place
        .split(' ')
        .map(|word| {
            let lower = word.to_lowercase();
            crate::dutch::capitalise(&lower)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A title in capitals as a sentence: "PROTOCOL VOOR DE …" → "Protocol voor de …".
fn sentence_case(text: &str) -> String {
    crate::dutch::capitalise(&text.to_lowercase())
}

/// Names put back in their own case in a text that lost it ("vlaams agentschap …").
fn restore_names(text: &str, names: &[String]) -> String {
    let mut text = text.to_string();
    for name in names.iter().filter(|name| name.chars().count() > 2) {
        let lower_text = text.to_lowercase();
        let lower_name = name.to_lowercase();
        if let Some(position) = find_word(&lower_text, &lower_name)
            && lower_text.len() == text.len()
        {
            let range = position..position + name.len();
            if text.get(range.clone()).is_some() {
                text.replace_range(range, name);
            }
        }
    }
    text
}

/// A page header or footer of our exports ("Protocol … – pagina 3 van 12").
fn is_running_header(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.starts_with("pagina ") && lower.contains(" van ")
}

/// A gap our exports print for an empty field ("[in te vullen: …]").
fn is_gap(text: &str) -> bool {
    text.trim_start().starts_with("[in te vullen")
}

/// Whether `text` is `word`, case and surrounding white space aside.
fn lower_is(text: &str, word: &str) -> bool {
    text.trim().eq_ignore_ascii_case(word)
}

/// "Eenmalig, in de loop van 2025" → (Once, "in de loop van 2025").
fn frequency_and_detail(text: &str) -> (Frequency, String) {
    let lower = text.to_lowercase();
    for frequency in Frequency::ALL {
        let label = frequency.label();
        if !label.is_empty() && lower.starts_with(label) {
            let rest = text
                .get(label.len()..)
                .unwrap_or_default()
                .trim_start_matches([',', ' ']);
            // "Maandelijks, uiterlijk op de 5e van de maand, …" keeps the detail after it.
            return (frequency, rest.trim().to_string());
        }
    }
    (Frequency::Other, text.trim().to_string())
}

/// "Naam: taak (verwerkersovereenkomst gesloten)." → a processor.
fn processor_line(text: &str) -> Processor {
    let text = text.trim().trim_end_matches('.');
    let (text, agreement) =
        if let Some(rest) = text.strip_suffix(" (verwerkersovereenkomst gesloten)") {
            (rest, Some(true))
        } else if let Some(rest) = text.strip_suffix(" (verwerkersovereenkomst nog te sluiten)") {
            (rest, Some(false))
        } else {
            (text, None)
        };
    // The name may hold a colon of its own in parentheses; split at the first ": " outside.
    let mut depth = 0;
    let mut split = None;
    for (index, character) in text.char_indices() {
        match character {
            '(' => depth += 1,
            ')' => depth -= 1,
            ':' if depth == 0 && text[index + 1..].starts_with(' ') => {
                split = Some(index);
                break;
            }
            _ => {}
        }
    }
    let (name, task) = match split {
        Some(index) => (&text[..index], text[index + 2..].trim()),
        None => (text, ""),
    };
    Processor {
        name: name.trim().to_string(),
        task: if task.is_empty() {
            String::new()
        } else {
            format!("{task}.")
        },
        agreement_concluded: agreement == Some(true),
        agreement_not_stated: agreement.is_none(),
    }
}

/// Adds a paragraph to a text field ("\n\n" between paragraphs); a list item as "- item".
fn append_paragraph(field: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if !field.is_empty() {
        field.push_str(if text.starts_with("- ") { "\n" } else { "\n\n" });
    }
    field.push_str(text);
}

/// A cell's text as a field keeps it: paragraphs on their own lines.
fn cell_text(cell: &str) -> String {
    cell.lines()
        .map(|line| {
            // A list in a cell, whatever marker the writer drew: "- item" as the model keeps it.
            let line = one_line(line);
            match line.strip_prefix("– ").or_else(|| line.strip_prefix("• ")) {
                Some(item) => format!("- {item}"),
                None => line,
            }
        })
        .filter(|line| !line.is_empty())
        .fold(String::new(), |mut text, line| {
            append_paragraph(&mut text, &line);
            text
        })
}

/// A cell continued on the next page: joined with a space (a sentence cut by a page break).
fn join_continued(field: &mut String, text: &str) {
    if field.is_empty() {
        field.push_str(text);
    } else {
        field.push(' ');
        field.push_str(text);
    }
}

/// A block's text as a field keeps it (a list item as "- item").
fn block_text(block: &SourceBlock) -> String {
    match block.kind {
        BlockKind::ListItem => format!("- {}", block.text.trim()),
        _ => block.text.trim().to_string(),
    }
}

fn clause_path(kind: StandardArticle) -> &'static str {
    match kind {
        StandardArticle::DataQuality => "clauses.data_quality",
        StandardArticle::Sanction => "clauses.sanction",
        StandardArticle::Notification => "clauses.notification",
        StandardArticle::LawAndDisputes => "clauses.law_and_disputes",
        _ => "clauses.entry_into_force",
    }
}

fn clause_field(protocol: &mut Protocol, kind: StandardArticle) -> Option<&mut String> {
    let clauses = &mut protocol.clauses;
    Some(match kind {
        StandardArticle::DataQuality => &mut clauses.data_quality,
        StandardArticle::Sanction => &mut clauses.sanction,
        StandardArticle::Notification => &mut clauses.notification,
        StandardArticle::LawAndDisputes => &mut clauses.law_and_disputes,
        StandardArticle::EntryIntoForce => &mut clauses.entry_into_force,
        _ => return None,
    })
}

/// An id from a title: lower case, words joined by "-".
fn slug(text: &str) -> String {
    let slug: String = text
        .to_lowercase()
        .chars()
        .map(|character| {
            if character.is_alphanumeric() {
                character
            } else {
                '-'
            }
        })
        .collect();
    let slug = slug
        .split('-')
        .filter(|part| !part.is_empty())
        .take(6)
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "artikel".to_string()
    } else {
        slug
    }
}
