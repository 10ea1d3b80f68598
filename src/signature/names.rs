//! Names from certificates, as people read them: the common name (CN), else the whole
//! distinguished name.

use der::asn1::{Ia5StringRef, PrintableStringRef, TeletexStringRef, Utf8StringRef};
use der::oid::ObjectIdentifier;
use x509_cert::Certificate;
use x509_cert::name::Name;

const COMMON_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.4.3");

/// The subject's common name ("Jan Peeters (Signature)").
pub(super) fn common_name(certificate: &Certificate) -> String {
    name_text(&certificate.tbs_certificate.subject)
}

/// The issuer's common name ("Citizen CA").
pub(super) fn issuer_name(certificate: &Certificate) -> String {
    name_text(&certificate.tbs_certificate.issuer)
}

fn name_text(name: &Name) -> String {
    let common = name
        .0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .filter(|attribute| attribute.oid == COMMON_NAME)
        .find_map(|attribute| {
            let value = &attribute.value;
            Utf8StringRef::try_from(value)
                .map(|text| text.as_str().to_string())
                .or_else(|_| PrintableStringRef::try_from(value).map(|text| text.to_string()))
                .or_else(|_| Ia5StringRef::try_from(value).map(|text| text.to_string()))
                .or_else(|_| TeletexStringRef::try_from(value).map(|text| text.to_string()))
                .ok()
        });
    common.unwrap_or_else(|| name.to_string())
}
