//! Which roots a signer's certificate may chain to: the Belgian eID roots we ship
//! (`assets/eid-roots`), roots from a folder, or none. Builds the chain from the signer's
//! certificate through the certificates the signature carries, checking each signature and
//! each certificate's validity at the signing time. Revocation (CRL, OCSP) is not checked:
//! that needs the network, and the report says so.

use std::path::Path;

use chrono::NaiveDateTime;
use der::{Decode, Encode};
use x509_cert::Certificate;

use super::crypto;
use super::names::common_name;

/// The roots trusted for a verification.
#[derive(Clone, Default)]
pub struct Roots {
    certificates: Vec<Certificate>,
}

/// The Belgian eID roots shipped in `assets/eid-roots`.
const BELGIAN_EID_ROOTS: [&str; 2] = [
    include_str!("../../assets/eid-roots/belgium-root-ca4.pem"),
    include_str!("../../assets/eid-roots/belgium-root-ca6.pem"),
];

/// How far a chain may go before we give up (a loop, or a malicious pile of certificates).
const LONGEST_CHAIN: usize = 8;

impl Roots {
    /// No roots: certificates are not checked ("certificaat niet nagegaan").
    pub fn none() -> Self {
        Self::default()
    }

    /// The Belgian eID roots: Belgium Root CA4 (RSA cards) and CA6 (ECDSA P-384 cards).
    pub fn belgian_eid() -> Self {
        let certificates = BELGIAN_EID_ROOTS
            .iter()
            .flat_map(|pem| Certificate::load_pem_chain(pem.as_bytes()).unwrap_or_default())
            .collect();
        Self { certificates }
    }

    /// Every certificate (PEM or DER: `.pem`, `.crt`, `.cer`, `.der`) in `folder`.
    pub fn from_folder(folder: &Path) -> Result<Self, String> {
        let entries = std::fs::read_dir(folder).map_err(|error| {
            format!(
                "De map met vertrouwde certificaten ‘{}’ kan niet worden gelezen: {error}",
                folder.display()
            )
        })?;
        let mut paths: Vec<_> = entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| {
                path.extension()
                    .and_then(|extension| extension.to_str())
                    .is_some_and(|extension| {
                        ["pem", "crt", "cer", "der"].contains(&extension.to_lowercase().as_str())
                    })
            })
            .collect();
        paths.sort();
        let mut certificates = Vec::new();
        for path in paths {
            let bytes = std::fs::read(&path).map_err(|error| {
                format!("‘{}’ kan niet worden gelezen: {error}", path.display())
            })?;
            let read = if bytes.windows(5).any(|window| window == b"-----") {
                Certificate::load_pem_chain(&bytes)
            } else {
                Certificate::from_der(&bytes).map(|certificate| vec![certificate])
            };
            certificates.extend(read.map_err(|error| {
                format!("‘{}’ is geen leesbaar certificaat: {error}", path.display())
            })?);
        }
        if certificates.is_empty() {
            return Err(format!(
                "In ‘{}’ staat geen certificaat (.pem, .crt, .cer of .der).",
                folder.display()
            ));
        }
        Ok(Self { certificates })
    }

    /// These roots and `other`'s.
    pub fn and(mut self, other: Roots) -> Self {
        self.certificates.extend(other.certificates);
        self
    }

    /// The roots' common names, for the report.
    pub fn names(&self) -> Vec<String> {
        self.certificates.iter().map(common_name).collect()
    }

    /// Whether there are no roots to check against.
    pub fn is_empty(&self) -> bool {
        self.certificates.is_empty()
    }
}

/// Whether a signer's certificate is trusted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trust {
    /// The chain runs to this trusted root, every link verified.
    Chained {
        /// The root's common name ("Belgium Root CA4").
        root: String,
    },
    /// No roots were given: the certificate was not checked.
    NotChecked,
    /// The certificate does not chain to a trusted root, or a link is broken; why, in Dutch.
    Untrusted(String),
}

impl Trust {
    /// The verdict on the certificate in a few Dutch words: "nagegaan tot Belgium Root CA4",
    /// "niet nagegaan", "niet vertrouwd: …".
    pub fn describe(&self) -> String {
        match self {
            Trust::Chained { root } => format!("nagegaan tot {root}"),
            Trust::NotChecked => "niet nagegaan".to_string(),
            Trust::Untrusted(reason) => format!("niet vertrouwd: {reason}"),
        }
    }
}

/// The chain of `signer` through `pool` to one of `roots`, each certificate valid at `at`.
pub(super) fn chain(
    signer: &Certificate,
    pool: &[Certificate],
    roots: &Roots,
    at: Option<NaiveDateTime>,
) -> Trust {
    if roots.is_empty() {
        return Trust::NotChecked;
    }
    let mut current = signer.clone();
    for _ in 0..LONGEST_CHAIN {
        if let Some(reason) = at.and_then(|at| outside_validity(&current, at)) {
            return Trust::Untrusted(reason);
        }
        let issuer = current.tbs_certificate.issuer.to_der().ok();
        let issued_by = |candidate: &&Certificate| {
            candidate.tbs_certificate.subject.to_der().ok() == issuer
                && crypto::verify_certificate(
                    &current,
                    &candidate.tbs_certificate.subject_public_key_info,
                )
                .is_ok()
        };
        if let Some(root) = roots.certificates.iter().find(issued_by) {
            if let Some(reason) = at.and_then(|at| outside_validity(root, at)) {
                return Trust::Untrusted(reason);
            }
            return Trust::Chained {
                root: common_name(root),
            };
        }
        // A self-signed certificate that is not a trusted root ends the chain.
        if current.tbs_certificate.subject.to_der().ok() == issuer {
            break;
        }
        match pool.iter().find(issued_by) {
            Some(next) => current = next.clone(),
            None => break,
        }
    }
    Trust::Untrusted(format!(
        "het certificaat leidt niet naar een vertrouwde root ({}); de keten stopt bij ‘{}’",
        roots.names().join(", "),
        common_name(&current)
    ))
}

/// Why `certificate` was not valid at `at`, if it was not.
fn outside_validity(certificate: &Certificate, at: NaiveDateTime) -> Option<String> {
    let validity = &certificate.tbs_certificate.validity;
    let to_time = |time: x509_cert::time::Time| {
        let seconds = i64::try_from(time.to_unix_duration().as_secs()).ok()?;
        chrono::DateTime::from_timestamp(seconds, 0).map(|time| time.naive_utc())
    };
    let from = to_time(validity.not_before)?;
    let until = to_time(validity.not_after)?;
    if at < from || at > until {
        Some(format!(
            "het certificaat ‘{}’ was niet geldig op het ondertekenmoment (geldig van {} tot {})",
            common_name(certificate),
            from.format("%d-%m-%Y"),
            until.format("%d-%m-%Y")
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped roots load, and each one's self-signature verifies: real RSA 4096 with
    /// SHA-256 (CA4) and ECDSA P-384 with SHA-384 (CA6) through our verification.
    #[test]
    fn the_belgian_roots_load_and_verify_their_own_signatures() {
        let roots = Roots::belgian_eid();
        assert_eq!(roots.names(), ["Belgium Root CA4", "Belgium Root CA6"]);
        for root in &roots.certificates {
            assert_eq!(
                crypto::verify_certificate(root, &root.tbs_certificate.subject_public_key_info),
                Ok(()),
                "{}",
                common_name(root)
            );
        }
        // A root trusts itself through the chain, at a time it is valid.
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 4)
            .and_then(|date| date.and_hms_opt(12, 0, 0));
        let ca6 = &roots.certificates[1];
        assert_eq!(
            chain(ca6, &[], &roots, at),
            Trust::Chained {
                root: "Belgium Root CA6".to_string()
            }
        );
        // Not after it expired.
        let later =
            chrono::NaiveDate::from_ymd_opt(2041, 1, 1).and_then(|date| date.and_hms_opt(0, 0, 0));
        assert!(matches!(
            chain(ca6, &[], &roots, later),
            Trust::Untrusted(_)
        ));
        assert_eq!(chain(ca6, &[], &Roots::none(), at), Trust::NotChecked);
    }

    #[test]
    fn a_folder_without_certificates_is_an_error_in_dutch() {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let error = Roots::from_folder(folder.path()).err().unwrap_or_default();
        assert!(error.contains("staat geen certificaat"), "{error}");
        std::fs::write(
            folder.path().join("kapot.pem"),
            "-----BEGIN CERTIFICATE-----\nxx",
        )
        .expect("written");
        let error = Roots::from_folder(folder.path()).err().unwrap_or_default();
        assert!(error.contains("geen leesbaar certificaat"), "{error}");
    }
}
