//! Step 10, Artikelen en standaardbepalingen: the article list (order, titles, articles added
//! or left out) and the texts of the standard clauses the template provides.

use egui::Ui;

use super::item_frame;
use crate::app::form::Form;
use crate::model::{ArticleEntry, Protocol, StandardArticle};

/// The clauses step.
pub fn clauses_ui(protocol: &mut Protocol, form: &mut Form, ui: &mut Ui) {
    if form.is_locked("clauses") {
        ui.label(
            "Deze bepalingen liggen vast in het sjabloon en gelden voor elk protocol dat ermee \
             gemaakt wordt. U hoeft hier niets te doen; lees ze wel na.",
        );
    }
    form.section(
        ui,
        "Artikelen",
        "De artikels in de volgorde van het document; de nummers rekent het programma zelf. U kunt een titel aanpassen aan het ondertekende protocol, een artikel toevoegen, een optioneel artikel weglaten of de volgorde wijzigen. Verwijs in een tekst naar een artikel met {artikel:sleutel}, bv. {artikel:gegevens}: het nummer blijft dan juist als de volgorde verandert.",
    );
    // An empty list means the standard one; the first change writes the list out.
    let mut articles = protocol.article_list();
    let before = articles.clone();
    let len = articles.len();
    let mut op = None;
    for (index, entry) in articles.iter_mut().enumerate() {
        let number = index + 1;
        let base = format!("articles[{index}]");
        let heading = match entry.title() {
            title if title.is_empty() => format!("Artikel {number}"),
            title => format!("Artikel {number}. {title}"),
        };
        ui.push_id(&base, |ui| {
            item_frame(ui, &heading, |ui| {
                article_fields(protocol, entry, &base, form, ui);
                if let Some(asked) = article_buttons(form, ui, index, len, entry) {
                    op = Some(asked);
                }
            });
        });
    }
    if let Some(op) = op {
        let mut ignored = 0;
        form.apply(&mut articles, op, &mut ignored);
    }
    ui.horizontal_wrapped(|ui| {
        if form.add_button(ui, "articles", "➕ Artikel toevoegen") {
            let id = fresh_article_id(&articles);
            articles.push(ArticleEntry {
                id,
                ..ArticleEntry::default()
            });
            form.added();
        }
        for kind in StandardArticle::ALL {
            if articles.iter().any(|entry| entry.standard == Some(kind)) {
                continue;
            }
            if ui
                .button(format!("➕ {} terugzetten", kind.label()))
                .on_hover_text("Zet dit standaardartikel terug, aan het einde van de lijst.")
                .clicked()
            {
                articles.push(ArticleEntry::standard(kind));
                form.added();
            }
        }
    });
    if articles != before {
        protocol.articles = articles;
        form.changed = true;
    }
}

/// Move, remove (only an optional article) for one article.
fn article_buttons(
    form: &mut Form,
    ui: &mut Ui,
    index: usize,
    len: usize,
    entry: &ArticleEntry,
) -> Option<crate::app::ListOp> {
    use crate::app::ListOp;
    let mut op = None;
    if form.is_locked("articles") {
        return None;
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(entry.is_optional(), egui::Button::new("🗑 Weglaten"))
            .on_hover_text("Laat dit artikel weg. Met Ctrl+Z zet u het terug.")
            .on_disabled_hover_text(
                "Dit artikel hoort in elk protocol (artikel 8, §1 e-govdecreet en artikel 20 WVG) \
                 en kan niet weggelaten worden.",
            )
            .clicked()
        {
            op = Some(ListOp::Remove(index));
        }
        if ui
            .add_enabled(index > 0, egui::Button::new("⬆ Omhoog"))
            .clicked()
        {
            op = Some(ListOp::MoveUp(index));
        }
        if ui
            .add_enabled(index + 1 < len, egui::Button::new("⬇ Omlaag"))
            .clicked()
        {
            op = Some(ListOp::MoveDown(index));
        }
    });
    op
}

/// An id no article uses yet: `artikel-<n>`.
fn fresh_article_id(articles: &[ArticleEntry]) -> String {
    (articles.len() + 1..)
        .map(|n| format!("artikel-{n}"))
        .find(|candidate| !articles.iter().any(|entry| entry.id == *candidate))
        .unwrap_or_else(|| "artikel".to_string())
}

fn article_fields(
    protocol: &mut Protocol,
    entry: &mut ArticleEntry,
    base: &str,
    form: &mut Form,
    ui: &mut Ui,
) {
    let Some(kind) = entry.standard else {
        form.text(
            ui,
            &format!("{base}.title"),
            "Titel",
            "De titel van het artikel, zonder nummer, bv. ‘Opzegging’.",
            &mut entry.title,
        );
        form.multiline(
            ui,
            &format!("{base}.text"),
            "Tekst",
            "De tekst van het artikel.",
            &mut entry.text,
        );
        id_line(ui, &entry.id);
        return;
    };
    form.text(
        ui,
        &format!("{base}.title"),
        "Titel zoals in het protocol",
        &format!(
            "Laat leeg voor de standaardtitel ‘{}’, of neem de titel van het ondertekende protocol over.",
            kind.title()
        ),
        &mut entry.title,
    );
    let clauses = &mut protocol.clauses;
    match kind {
        StandardArticle::DataQuality => form.multiline(ui, "clauses.data_quality", "Tekst", "Dat de verstrekker juiste en actuele gegevens levert en fouten meldt, en dat de ontvanger fouten die hij opmerkt doorgeeft.", &mut clauses.data_quality),
        StandardArticle::Sanction => form.multiline(ui, "clauses.sanction", "Tekst", "Wat er gebeurt als een partij het protocol niet naleeft, bv. het opschorten van de uitwisseling.", &mut clauses.sanction),
        StandardArticle::Notification => form.multiline(ui, "clauses.notification", "Tekst", "Datalekken (artikel 33 AVG) via de DPO's, wijzigingen van de wetgeving of van verwerkers. De contactgegevens van de DPO's volgen onder deze tekst.", &mut clauses.notification),
        StandardArticle::Transparency => {
            form.multiline(ui, "clauses.transparency", "Tekst", "De bekendmaking op de websites; de publicatieadressen per partij volgen hieronder.", &mut clauses.transparency);
            for (index, party) in protocol.parties.iter_mut().enumerate() {
                let name = super::party_name(party, index);
                form.text(
                    ui,
                    &format!("parties[{index}].publication_url"),
                    &format!("Publicatieadres van {name}"),
                    "Het webadres van de privacypagina, bv. ‘https://www.zoersel.be/privacy’.",
                    &mut party.publication_url,
                );
            }
        }
        StandardArticle::LawAndDisputes => form.multiline(ui, "clauses.law_and_disputes", "Tekst", "Belgisch recht, de rechtbanken van Brussel, de scheidbaarheid van bepalingen, wijzigingen enkel schriftelijk met een addendum.", &mut clauses.law_and_disputes),
        StandardArticle::EntryIntoForce => form.multiline(ui, "clauses.entry_into_force", "Tekst", "Wanneer het protocol ingaat, de opzegtermijn, en dat het eindigt als de termijn afloopt of de rechtsgrond wegvalt.", &mut clauses.entry_into_force),
        StandardArticle::Subject
        | StandardArticle::Grounds
        | StandardArticle::Data
        | StandardArticle::Recipients
        | StandardArticle::Periodicity
        | StandardArticle::Security => {
            ui.label(format!(
                "De inhoud van dit artikel vult u in bij de stap ‘{}’.",
                kind.step().title()
            ));
        }
    }
    id_line(ui, &entry.id);
}

fn id_line(ui: &mut Ui, id: &str) {
    ui.label(
        egui::RichText::new(format!("Verwijzen naar dit artikel: {{artikel:{id}}}"))
            .small()
            .weak(),
    );
}
