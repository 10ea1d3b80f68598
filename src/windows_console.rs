//! The console window on Windows.
//!
//! `protocolwijzer.exe` is one program for two uses: a double-click opens the app, and
//! `protocolwijzer.exe check …` in `cmd` or PowerShell prints its findings and sets the exit
//! code. It is therefore linked as a console program (so shells wait for it and get its exit
//! code), and its manifest asks Windows 11 24H2 and later not to give it a console of its own
//! when it is started outside one (`consoleAllocationPolicy` `detached`). Older Windows still
//! opens a console window for a double-clicked console program; [`release_own_console`] hides
//! and releases that window as the app starts, so at most a brief flash remains.

/// Whether the app should let go of the console it was started with: only when it opens the
/// window, and only when no other program (a shell) shares the console, i.e. Windows made the
/// console for this process alone because it was double-clicked.
#[cfg_attr(not(windows), allow(dead_code))] // used on Windows; tested everywhere
pub fn should_release_console(opens_window: bool, processes_on_console: u32) -> bool {
    opens_window && processes_on_console == 1
}

/// Hides and releases the console window Windows opened for a double-clicked start. Does
/// nothing when the app was started from a shell or when there is no console at all.
#[cfg(windows)]
#[allow(unsafe_code)] // three Win32 calls without pointers we keep; see each SAFETY note
pub fn release_own_console() {
    use windows_sys::Win32::System::Console::{
        FreeConsole, GetConsoleProcessList, GetConsoleWindow,
    };
    use windows_sys::Win32::UI::WindowsAndMessaging::{SW_HIDE, ShowWindow};

    let mut processes = [0_u32; 2];
    // SAFETY: the buffer is valid for the two entries we say it holds; the call only writes
    // process ids into it and returns how many processes share the console (0 if none).
    let count = unsafe { GetConsoleProcessList(processes.as_mut_ptr(), 2) };
    if !should_release_console(true, count) {
        return;
    }
    // SAFETY: no arguments; returns a window handle or null.
    let window = unsafe { GetConsoleWindow() };
    if !window.is_null() {
        // SAFETY: `window` is the console's own window handle, just returned by Windows.
        unsafe { ShowWindow(window, SW_HIDE) };
    }
    // SAFETY: no arguments; detaches this process from its console, which then closes.
    unsafe { FreeConsole() };
}

/// Nothing to release outside Windows.
#[cfg(not(windows))]
pub fn release_own_console() {}

#[cfg(test)]
mod tests {
    use super::should_release_console;

    #[test]
    fn releases_only_a_console_of_its_own_when_opening_the_window() {
        assert!(
            should_release_console(true, 1),
            "double-clicked: the console is ours alone"
        );
        assert!(
            !should_release_console(true, 2),
            "started from cmd: the shell shares it"
        );
        assert!(
            !should_release_console(true, 0),
            "no console at all (detached policy)"
        );
        assert!(
            !should_release_console(false, 1),
            "a subcommand prints to its console"
        );
    }
}
