//! A file dialog drawn in egui, for desktops where the system's dialog cannot open (a Linux
//! desktop without the XDG desktop portal): without it, Ctrl+S and "Opslaan als…" would do
//! nothing at all. It lists one folder (folders first, then the files of the wanted kind),
//! lets the user go up, type a folder or a file name, and answers with a path.
//!
//! egui-file-dialog would do this, but its releases follow an older egui than ours; this one
//! is small and has only what choosing a protocol or an export needs.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::commands::{Format, Pending};
use crate::pipeline::Product;

/// What the chosen path is for.
#[derive(Clone, Debug, PartialEq)]
pub enum PickFor {
    /// Open this protocol.
    Open,
    /// Save the protocol here, then go on with what was pending.
    SaveAs(Option<Pending>),
    /// Export this product in this format here.
    Export(Product, Format),
    /// Compare the content with this protocol.
    Compare,
    /// Import this signed protocol (Word, PDF or text).
    Import,
    /// Show this folder in the Inzendingen view (a folder is chosen, not a file).
    DeskFolder,
    /// Write the Inzendingen overview to this Excel file.
    DeskSheet,
    /// Write the submission package here (a draft package when `draft`).
    Package {
        /// Whether it is a draft package (ONTWERP).
        draft: bool,
    },
    /// Write the processing-register sheet (Excel) here.
    Register,
    /// Verify this signed PDF.
    SignedPdf,
}

/// Whether the system's file dialog can be expected to open. On Linux rfd talks to the XDG
/// desktop portal over the session bus: without a session bus or an installed portal no
/// dialog appears. `PROTOCOLWIJZER_BESTANDSVENSTER=ingebouwd` chooses the built-in one.
pub fn system_dialog_available() -> bool {
    if std::env::var("PROTOCOLWIJZER_BESTANDSVENSTER").is_ok_and(|value| value == "ingebouwd") {
        return false;
    }
    if cfg!(target_os = "linux") {
        let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
            || std::env::var_os("XDG_RUNTIME_DIR")
                .is_some_and(|dir| Path::new(&dir).join("bus").exists());
        let portal = [
            "/usr/libexec/xdg-desktop-portal",
            "/usr/lib/xdg-desktop-portal",
            "/usr/lib/x86_64-linux-gnu/xdg-desktop-portal",
            "/usr/lib/aarch64-linux-gnu/xdg-desktop-portal",
        ]
        .iter()
        .any(|path| Path::new(path).exists());
        return bus && portal;
    }
    true
}

/// One entry of the listed folder.
#[derive(Clone, Debug)]
struct Entry {
    name: String,
    folder: bool,
}

/// What the picker answers in a frame.
#[derive(Debug, PartialEq)]
pub enum Picked {
    /// Still choosing.
    Open,
    /// The user closed it without choosing.
    Cancelled,
    /// The chosen path.
    Chosen(PathBuf),
}

/// The built-in file dialog.
#[derive(Debug)]
pub struct FilePicker {
    /// What the path is for.
    pub purpose: PickFor,
    title: String,
    saving: bool,
    extensions: &'static [&'static str],
    kind: String,
    folder: PathBuf,
    folder_text: String,
    name: String,
    entries: Vec<Entry>,
    error: Option<String>,
}

impl FilePicker {
    /// A picker titled `title` in `folder` (the home folder, else the current one, when
    /// `None`), for files ending in one of `extensions` (the first is added to a typed name
    /// without one) described as `kind`; `name` is the suggested file name when `saving`.
    pub fn new(
        purpose: PickFor,
        title: &str,
        folder: Option<&Path>,
        saving: bool,
        (extensions, kind): (&'static [&'static str], &str),
        name: &str,
    ) -> Self {
        let folder = folder
            .map(Path::to_path_buf)
            .or_else(|| std::env::var_os("HOME").map(PathBuf::from))
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."));
        let mut picker = Self {
            purpose,
            title: title.to_string(),
            saving,
            extensions,
            kind: kind.to_string(),
            folder_text: folder.display().to_string(),
            folder,
            name: name.to_string(),
            entries: Vec::new(),
            error: None,
        };
        picker.read_folder();
        picker
    }

    /// Lists the folder: sub-folders, then the files of the wanted kind, each by name. A
    /// folder that cannot be read says why and lists nothing.
    fn read_folder(&mut self) {
        self.entries.clear();
        self.error = None;
        match std::fs::read_dir(&self.folder) {
            Ok(read) => {
                for entry in read.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if name.starts_with('.') {
                        continue;
                    }
                    let folder = entry.file_type().is_ok_and(|kind| kind.is_dir());
                    let wanted = Path::new(&name).extension().is_some_and(|extension| {
                        self.extensions
                            .iter()
                            .any(|wanted| extension.eq_ignore_ascii_case(wanted))
                    });
                    if folder || wanted {
                        self.entries.push(Entry { name, folder });
                    }
                }
                self.entries.sort_by(|a, b| {
                    (!a.folder, a.name.to_lowercase()).cmp(&(!b.folder, b.name.to_lowercase()))
                });
            }
            Err(error) => {
                self.error = Some(format!(
                    "De map ‘{}’ kan niet gelezen worden: {error}.",
                    self.folder.display()
                ));
            }
        }
        self.folder_text = self.folder.display().to_string();
    }

    fn go_to(&mut self, folder: PathBuf) {
        self.folder = folder;
        self.read_folder();
    }

    /// Whether a folder is chosen rather than a file.
    fn choosing_folder(&self) -> bool {
        self.purpose == PickFor::DeskFolder
    }

    /// The chosen path, or why it cannot be taken.
    fn chosen(&self) -> Result<PathBuf, String> {
        if self.choosing_folder() {
            return if self.folder.is_dir() {
                Ok(self.folder.clone())
            } else {
                Err(format!("De map ‘{}’ bestaat niet.", self.folder.display()))
            };
        }
        let name = self.name.trim();
        if name.is_empty() {
            return Err("Kies een bestand of typ een bestandsnaam.".to_string());
        }
        if name.contains('/') || name.contains('\\') {
            return Err("Een bestandsnaam bevat geen ‘/’ of ‘\\’; kies de map hierboven.".into());
        }
        let mut path = self.folder.join(name);
        if path.extension().is_none() {
            path.set_extension(self.extensions.first().copied().unwrap_or_default());
        }
        if !self.saving && !path.is_file() {
            return Err(format!("Het bestand ‘{name}’ staat niet in deze map."));
        }
        Ok(path)
    }

    /// Shows the picker for one frame.
    pub fn ui(&mut self, ctx: &egui::Context) -> Picked {
        let mut picked = Picked::Open;
        let screen = ctx.content_rect();
        egui::Window::new(self.title.clone())
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .fixed_size([
                (screen.width() - 80.0).clamp(320.0, 640.0),
                (screen.height() - 160.0).clamp(200.0, 520.0),
            ])
            .show(ctx, |ui| picked = self.contents(ui));
        picked
    }

    fn contents(&mut self, ui: &mut Ui) -> Picked {
        let mut picked = Picked::Open;
        ui.horizontal(|ui| {
            if ui.button("⬆ Map hoger").clicked()
                && let Some(parent) = self.folder.parent().map(Path::to_path_buf)
            {
                self.go_to(parent);
            }
            let label = ui.label("Map:");
            let response = ui
                .add(egui::TextEdit::singleline(&mut self.folder_text).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if response.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter)) {
                let typed = PathBuf::from(self.folder_text.trim());
                self.go_to(typed);
            }
        });
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        let list_height = (ui.available_height() - 110.0).max(80.0);
        egui::ScrollArea::vertical()
            .max_height(list_height)
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if self.entries.is_empty() && self.error.is_none() {
                    ui.label(RichText::new(format!("Geen mappen of {} hier.", self.kind)).weak());
                }
                let mut open = None;
                for entry in &self.entries {
                    let text = if entry.folder {
                        format!("📁 {}", entry.name)
                    } else {
                        format!("📄 {}", entry.name)
                    };
                    let selected = !entry.folder && self.name == entry.name;
                    let response = ui.selectable_label(selected, text);
                    if response.clicked() {
                        if entry.folder {
                            open = Some(self.folder.join(&entry.name));
                        } else {
                            self.name = entry.name.clone();
                        }
                    }
                    if response.double_clicked() && !entry.folder {
                        self.name = entry.name.clone();
                        if let Ok(path) = self.chosen() {
                            picked = Picked::Chosen(path);
                        }
                    }
                }
                if let Some(folder) = open {
                    self.go_to(folder);
                }
            });
        ui.separator();
        if !self.choosing_folder() {
            ui.horizontal(|ui| {
                let label = ui.label("Bestandsnaam:");
                ui.add(egui::TextEdit::singleline(&mut self.name).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
            });
        }
        let check = self.chosen();
        match &check {
            Ok(path) if self.saving && path.exists() => {
                ui.label(
                    RichText::new(
                        "Dit bestand bestaat al en wordt vervangen; de vorige versie blijft \
                         bewaard als .bak.",
                    )
                    .color(ui.visuals().warn_fg_color),
                );
            }
            Err(reason) if !self.name.trim().is_empty() => {
                ui.label(RichText::new(reason).weak());
            }
            _ => {}
        }
        ui.horizontal(|ui| {
            let action = if self.choosing_folder() {
                "Deze map openen"
            } else if self.saving {
                "Opslaan"
            } else {
                "Openen"
            };
            if ui
                .add_enabled(check.is_ok(), egui::Button::new(action))
                .clicked()
                && let Ok(path) = check
            {
                picked = Picked::Chosen(path);
            }
            if ui.button("Annuleren").clicked() {
                picked = Picked::Cancelled;
            }
        });
        picked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_lists_folders_and_the_wanted_files_and_completes_the_extension() {
        let dir = tempfile::tempdir().unwrap_or_else(|error| panic!("{error}"));
        std::fs::create_dir(dir.path().join("Protocollen")).unwrap_or_default();
        std::fs::write(dir.path().join("a.ron"), "").unwrap_or_default();
        std::fs::write(dir.path().join("b.txt"), "").unwrap_or_default();
        let mut picker = FilePicker::new(
            PickFor::SaveAs(None),
            "Opslaan",
            Some(dir.path()),
            true,
            (&["ron"], "protocollen"),
            "nieuw",
        );
        let names: Vec<&str> = picker.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Protocollen", "a.ron"]);
        assert_eq!(picker.chosen(), Ok(dir.path().join("nieuw.ron")));
        picker.name = "../x".into();
        assert!(picker.chosen().is_err());
        let opening = FilePicker::new(
            PickFor::Open,
            "Openen",
            Some(dir.path()),
            false,
            (&["ron"], "protocollen"),
            "bestaat-niet",
        );
        assert!(opening.chosen().is_err());
    }
}
