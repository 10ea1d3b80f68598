//! The egui app: the wizard an official fills the protocol in with. It edits the model and
//! asks for commands; it never formats a document or touches a file itself.

use std::path::PathBuf;

use crate::model::Protocol;

/// The running app.
pub struct ProtocolApp {
    protocol: Protocol,
    path: Option<PathBuf>,
}

impl ProtocolApp {
    /// An app showing `protocol`, read from `path` (or new, when `None`).
    pub fn new(protocol: Protocol, path: Option<PathBuf>) -> Self {
        Self { protocol, path }
    }

    fn window_title(&self) -> String {
        match &self.path {
            Some(path) => format!(
                "{} – Protocolwijzer",
                path.file_name().map_or_else(
                    || path.display().to_string(),
                    |name| name.to_string_lossy().into_owned()
                )
            ),
            None => "Nieuw protocol – Protocolwijzer".to_string(),
        }
    }
}

impl eframe::App for ProtocolApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(self.window_title());
            ui.label(&self.protocol.template.title);
            for party in &self.protocol.parties {
                ui.label(party.display_name());
            }
        });
    }
}

/// Opens the app window on `protocol` and runs until it is closed.
pub fn run(protocol: Protocol, path: Option<PathBuf>) -> eframe::Result {
    let app = ProtocolApp::new(protocol, path);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(app.window_title())
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([900.0, 600.0]),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "Protocolwijzer",
        options,
        Box::new(|_creation| Ok(Box::new(app))),
    )
}
